package org.migrationharness.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.internal.Settings;

/**
 * Reads a migration set in its format: the folder's {@code harness.yaml} says which ({@code format:}), or
 * {@code auto} detects it from the files ({@link MigrationFormats#detect}); the format reads the files
 * ({@link MigrationFormat#read}).
 *
 * <p>Symbolic links are followed, as the tools follow them, so both see the same files; a link back into a folder
 * that contains it is an input error. Every script must decode in the set's encoding ({@code encoding:} in
 * {@code harness.yaml}, UTF-8 by default): one that does not, or a binary file, is an input error naming the file,
 * the byte offset and the line (see {@link ScriptFiles}).
 */
public final class MigrationSetReader {

    /** The marker a down script holds instead of statements to declare its migration irreversible. */
    public static final String IRREVERSIBLE_MARKER = IrreversibleMarker.KEYWORD;

    /** The migrations folder of a service folder. */
    private static final String MIGRATIONS = "migrations";

    private MigrationSetReader() {
    }

    /**
     * Reads a service folder ({@code <service>/migrations/} plus an optional {@code <service>/harness.yaml}) or a bare
     * migrations folder, in the format its configuration names. The configuration is the {@code harness.yaml} in the
     * migrations folder or beside it ({@link #configFile(Path)}). For a service folder (a migrations folder named
     * {@code migrations}), the {@code harness-defaults.yaml} beside the service folder (in {@code service-migrations/})
     * gives the defaults of the naming rules and of {@code compare}.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} when the folder does not exist or cannot be read, holds a
     *         symbolic link loop, holds a script that is binary or not valid in the set's encoding, or holds files of
     *         two formats, or when two {@code harness.yaml} files could configure it
     */
    public static MigrationSet read(Path folder, String name) {
        return read(folder, name, null);
    }

    /**
     * Reads a folder as {@link #read(Path, String)} does, in the given format ({@code --format},
     * {@code @MigrationTest(format)}) instead of the one its configuration names; null or {@code auto} keep that.
     */
    public static MigrationSet read(Path folder, String name, String format) {
        if (!Files.isDirectory(folder)) {
            throw new HarnessException(ErrorCode.INPUT, "No migrations folder at " + DisplayPath.of(folder) + ".\n"
                    + "Give a folder that holds migrations (e.g. V<version>__<description>.sql files), or a service name"
                    + " under service-migrations/.");
        }
        Path migrations = migrationsFolder(folder);
        Path file = configFile(folder);
        ServiceConfig config = file == null ? ServiceConfig.defaults() : ServiceConfig.read(file);
        Path defaults = migrations.getFileName() != null && migrations.getFileName().toString().equals(MIGRATIONS)
                ? parent(parent(migrations)) : null;
        if (defaults != null && Files.isRegularFile(defaults.resolve(ServiceConfig.DEFAULTS_FILE_NAME))) {
            config = config.withDefaults(ServiceConfig.readDefaults(defaults.resolve(ServiceConfig.DEFAULTS_FILE_NAME)));
        }
        // a run-wide setting (system property, environment variable) overrides the file's timeouts
        config = config.withTimeouts(Timeouts.resolve(Settings.fromSystem()));
        List<Path> files = ScriptFiles.list(migrations);
        String wanted = format == null || format.equals(MigrationFormats.AUTO) ? config.format() : format;
        MigrationFormat chosen = wanted.equals(MigrationFormats.AUTO) ? MigrationFormats.detect(migrations, files)
                : MigrationFormats.byId(wanted, format != null ? "--format" : config.file() + " key format");
        // the format's own naming defaults lie under the repository's and the service's settings
        MigrationSet set = chosen.read(migrations, name, config.withNamingDefaults(chosen.namingDefaults()), files);
        // a baseline must name a version of the set: found now, before any server starts
        set.namingBaseline();
        set.reversibleBaseline();
        return set;
    }

    /** The folder of the migrations: {@code <folder>/migrations} for a service folder, else the folder itself. */
    public static Path migrationsFolder(Path folder) {
        return Files.isDirectory(folder.resolve(MIGRATIONS)) ? folder.resolve(MIGRATIONS) : folder;
    }

    /**
     * The {@code harness.yaml} that configures the set in {@code folder} (a service folder or a migrations folder):
     * the one in the migrations folder, else the one in its parent (the service folder, where the layout puts it;
     * found so whether {@code --migrations} names the service folder or its {@code migrations/} itself).
     *
     * @return the file, or null when neither place holds one
     * @throws HarnessException with {@link ErrorCode#INPUT} naming both when both places hold one: which one is meant
     *         cannot be told, and silently reading one would ignore the other
     */
    public static Path configFile(Path folder) {
        Path migrations = migrationsFolder(folder);
        Path inside = migrations.resolve(ServiceConfig.FILE_NAME);
        Path parent = parent(migrations);
        Path beside = parent == null ? null : parent.resolve(ServiceConfig.FILE_NAME);
        boolean hasInside = Files.isRegularFile(inside);
        boolean hasBeside = beside != null && Files.isRegularFile(beside);
        if (hasInside && hasBeside) {
            throw new HarnessException(ErrorCode.INPUT, "Two harness.yaml files could configure " + DisplayPath.of(migrations)
                    + ": " + DisplayPath.of(inside) + " (in the migrations folder) and " + DisplayPath.of(beside)
                    + " (beside it). The harness reads one, and will not guess which.\nKeep one: move the keys of the"
                    + " other into it and delete the other.", inside, 0, null);
        }
        return hasInside ? inside : hasBeside ? beside : null;
    }

    /** The parent folder, as written when it can be (for messages), else the absolute one; null at the root. */
    private static Path parent(Path folder) {
        if (folder == null) {
            return null;
        }
        Path parent = folder.normalize().getParent();
        return parent != null ? parent : folder.toAbsolutePath().normalize().getParent();
    }
}
