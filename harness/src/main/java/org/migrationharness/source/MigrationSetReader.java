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

    private MigrationSetReader() {
    }

    /**
     * Reads a service folder ({@code <service>/migrations/} plus an optional {@code <service>/harness.yaml}) or a bare
     * migrations folder (with an optional {@code harness.yaml} inside it), in the format its configuration names.
     * For a service folder, the {@code harness-defaults.yaml} beside it (in {@code service-migrations/}) gives the
     * defaults of the naming rules and of {@code compare}.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} when the folder does not exist or cannot be read, holds a
     *         symbolic link loop, holds a script that is binary or not valid in the set's encoding, or holds files of
     *         two formats
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
        Path migrations = folder;
        ServiceConfig config = ServiceConfig.defaults();
        if (Files.isDirectory(folder.resolve("migrations"))) {
            migrations = folder.resolve("migrations");
            if (Files.isRegularFile(folder.resolve(ServiceConfig.FILE_NAME))) {
                config = ServiceConfig.read(folder.resolve(ServiceConfig.FILE_NAME));
            }
        }
        if (Files.isRegularFile(migrations.resolve(ServiceConfig.FILE_NAME))) {
            config = ServiceConfig.read(migrations.resolve(ServiceConfig.FILE_NAME));
        }
        Path defaults = migrations.equals(folder) || folder.toAbsolutePath().getParent() == null ? null
                : folder.toAbsolutePath().getParent().resolve(ServiceConfig.DEFAULTS_FILE_NAME);
        if (defaults != null && Files.isRegularFile(defaults)) {
            config = config.withDefaults(ServiceConfig.readDefaults(defaults));
        }
        // a run-wide setting (system property, environment variable) overrides the file's timeouts
        config = config.withTimeouts(Timeouts.resolve(Settings.fromSystem()));
        List<Path> files = ScriptFiles.list(migrations);
        String wanted = format == null || format.equals(MigrationFormats.AUTO) ? config.format() : format;
        MigrationFormat chosen = wanted.equals(MigrationFormats.AUTO) ? MigrationFormats.detect(migrations, files)
                : MigrationFormats.byId(wanted, format != null ? "--format" : config.file() + " key format");
        // the format's own naming defaults lie under the repository's and the service's settings
        return chosen.read(migrations, name, config.withNamingDefaults(chosen.namingDefaults()), files);
    }
}
