package org.migrationharness.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.source.naming.NamingConfig;
import org.migrationharness.source.naming.NamingRule;
import org.migrationharness.source.naming.RuleSettings;

/**
 * Prisma Migrate's layout: one folder per migration, {@code {timestamp}_{name}/migration.sql} (the timestamp
 * {@code yyyyMMddHHmmss}, as {@code prisma migrate dev} names it), and {@code migration_lock.toml} beside the folders,
 * whose {@code provider} must be {@code postgresql} (Prisma refuses a history written for another provider; the
 * harness verifies only PostgreSQL). The down migration is the optional {@code down.sql} in the migration's folder,
 * as Prisma's guide "Generating down migrations" writes it ({@code prisma migrate diff ... --script > down.sql}).
 *
 * <p>Prisma reads every folder of the migrations folder in name order and fails on a folder without
 * {@code migration.sql}; it ignores files beside the folders and other files in a folder. Down scripts are optional in
 * Prisma's workflow: a set in which no migration has a {@code down.sql} is forward-only
 * ({@link MigrationSet#forwardOnly()}). The tool keeps {@code _prisma_migrations} (or {@code history-table:}).
 */
public final class PrismaFormat implements MigrationFormat {

    /** The format's id. */
    public static final String ID = "prisma";

    /** Prisma's bookkeeping table. */
    public static final String DEFAULT_TABLE = "_prisma_migrations";

    /** The lock file beside the migration folders. */
    public static final String LOCK_FILE = "migration_lock.toml";

    /** The up script of a migration folder. */
    public static final String UP = "migration.sql";

    /** The down script of a migration folder. */
    public static final String DOWN = "down.sql";

    private static final Pattern FOLDER = Pattern.compile("([0-9]+)_(.+)");
    private static final Pattern PROVIDER = Pattern.compile("\\s*provider\\s*=\\s*\"([^\"]*)\"\\s*(#.*)?");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Path> evidence(Path migrations, List<Path> files) {
        return files.stream().filter(f -> {
            Path relative = migrations.relativize(f);
            return relative.getNameCount() == 1 && relative.toString().equals(LOCK_FILE)
                    || relative.getNameCount() == 2 && relative.getFileName().toString().equals(UP);
        }).toList();
    }

    @Override
    public Set<String> bookkeepingTables(ServiceConfig config) {
        return Set.of(config.historyTableOr(DEFAULT_TABLE));
    }

    @Override
    public String missingDown(Migration migration) {
        return migration.up().file().getParent().getFileName() + "/" + DOWN + " beside its " + UP;
    }

    /**
     * The names Prisma generates: PascalCase models and camelCase fields (quoted), {@code Model_pkey},
     * {@code Model_field_idx}, {@code Model_field_key}, {@code Model_field_fkey}, and the implicit many-to-many tables
     * {@code _AToB} with {@code _AToB_AB_pkey} (or {@code _AB_unique}) and {@code _AToB_B_index}.
     */
    @Override
    public NamingConfig namingDefaults() {
        Map<NamingRule, RuleSettings> rules = new TreeMap<>();
        rules.put(NamingRule.LOWER_SNAKE_CASE, pattern("_?[A-Za-z][A-Za-z0-9_]*"));
        rules.put(NamingRule.PRIMARY_KEY_NAME, pattern("{table}_pkey"));
        rules.put(NamingRule.INDEX_PREFIX, pattern("{table}_.+_(idx|index)"));
        rules.put(NamingRule.UNIQUE_PREFIX, pattern("{table}_.+_(key|unique)"));
        rules.put(NamingRule.FOREIGN_KEY_PREFIX, pattern("{table}_.+_fkey"));
        return new NamingConfig(rules, List.of());
    }

    private static RuleSettings pattern(String pattern) {
        return new RuleSettings(null, pattern, null, null);
    }

    @Override
    public MigrationSet read(Path migrations, String name, ServiceConfig config, List<Path> files) {
        checkLock(migrations);
        List<Finding> problems = new ArrayList<>();
        Map<MigrationVersion, Path> folders = new TreeMap<>();
        for (Path folder : folders(migrations)) {
            String folderName = folder.getFileName().toString();
            Matcher matcher = FOLDER.matcher(folderName);
            if (!matcher.matches()) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, null, DisplayPath.of(folder), null,
                        folderName + ": not a Prisma migration folder name {timestamp}_{name}; Prisma applies its"
                        + " folders in name order, so this one's place in the history is accidental, and the harness"
                        + " cannot order it.\nRename it as prisma migrate dev does, e.g. 20240101120000_" + folderName
                        + ", or move it out of the migrations folder."));
                continue;
            }
            if (!Files.isRegularFile(folder.resolve(UP))) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, null,
                        DisplayPath.of(folder.resolve(UP)), null, folderName + " has no " + UP + ": prisma migrate"
                        + " deploy fails on a migration folder without one.\nAdd " + folderName + "/" + UP
                        + ", or remove the folder."));
                continue;
            }
            MigrationVersion version = MigrationVersion.of(matcher.group(1));
            Path previous = folders.putIfAbsent(version, folder);
            if (previous != null) {
                problems.add(new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, version.text(),
                        DisplayPath.of(folder.resolve(UP)), null, previous.getFileName() + " and " + folderName
                        + " share the timestamp " + version + ": their order depends on their names only, and the"
                        + " harness verifies each version once.\nGive one of them a timestamp of its own."));
            }
        }
        List<Path> scripts = new ArrayList<>();
        for (Path file : files) {
            Path relative = migrations.relativize(file);
            String fileName = file.getFileName().toString();
            if (relative.getNameCount() == 1) {
                if (!fileName.equals(LOCK_FILE) && !fileName.equals(ServiceConfig.FILE_NAME)
                        && !fileName.equals("dependencies.json")) {
                    problems.add(new Finding(CheckId.NAMING_FILE.id(), fileName.endsWith(".sql") ? Severity.ERROR
                            : Severity.WARNING, null, DisplayPath.of(file), null, fileName + ": Prisma reads only the"
                            + " migration folders and ignores files beside them" + (fileName.endsWith(".sql")
                            ? ", so this one would never run.\nMove it into a folder {timestamp}_{name}/" + UP + "."
                            : ".\nMove it out of the migrations folder.")));
                }
            } else if (relative.getNameCount() == 2 && folders.containsValue(file.getParent())) {
                if (fileName.equals(UP) || fileName.equals(DOWN)) {
                    scripts.add(file);
                } else {
                    problems.add(new Finding(CheckId.NAMING_FILE.id(), fileName.toLowerCase().endsWith(".sql")
                            ? Severity.ERROR : Severity.WARNING, null, DisplayPath.of(file), null,
                            DisplayPath.of(relative) + ": Prisma runs only " + UP + " of a migration folder (and the"
                            + " harness " + DOWN + " as its down) and ignores this file.\n"
                            + (fileName.toLowerCase().endsWith(".sql") ? "Rename it to " + UP + " or " + DOWN
                            + ", or move it out of the migrations folder." : "Move it out of the migrations folder.")));
                }
            } else if (relative.getNameCount() > 2) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.WARNING, null, DisplayPath.of(file), null,
                        DisplayPath.of(relative) + ": Prisma reads only the files directly in a migration folder and"
                        + " ignores this one.\nMove it out of the migrations folder."));
            }
        }
        Map<Path, String> texts = ScriptFiles.read(migrations, scripts, config);
        List<Migration> result = new ArrayList<>();
        for (Map.Entry<MigrationVersion, Path> entry : folders.entrySet()) {
            MigrationVersion version = entry.getKey();
            Path folder = entry.getValue();
            Path up = folder.resolve(UP);
            Path down = folder.resolve(DOWN);
            if (!texts.containsKey(up)) {
                continue; // a duplicate folder's script was not read
            }
            // an empty down.sql reverses nothing: down.missing, not a down that leaves a trace
            boolean hasDown = texts.containsKey(down);
            IrreversibleMarker.Down read = IrreversibleMarker.read(hasDown ? script(down, texts) : null, version,
                    hasDown ? label(down) : null, true, problems);
            Matcher matcher = FOLDER.matcher(folder.getFileName().toString());
            String description = matcher.matches() ? matcher.group(2) : "";
            result.add(new Migration(version, description, script(up, texts), read.script(), read.irreversibleReason()));
        }
        boolean noDowns = !result.isEmpty() && result.stream().allMatch(m -> m.down() == null);
        return new MigrationSet(name, migrations, ID, config, result, List.of(), problems,
                config.forwardOnly() || noDowns);
    }

    /** The migration folders: every folder directly in the migrations folder but hidden ones, as Prisma lists them. */
    private static List<Path> folders(Path migrations) {
        try (Stream<Path> entries = Files.list(migrations)) {
            return entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot list " + DisplayPath.of(migrations) + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code migration_lock.toml}: present, with {@code provider = "postgresql"}.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} naming the file and the line
     */
    private static void checkLock(Path migrations) {
        Path lock = migrations.resolve(LOCK_FILE);
        if (!Files.isRegularFile(lock)) {
            throw new HarnessException(ErrorCode.INPUT, "No " + LOCK_FILE + " in " + DisplayPath.of(migrations)
                    + ": Prisma Migrate writes it beside the migration folders, and it says which database the"
                    + " migrations were generated for.\nCommit the one prisma migrate dev wrote, or create "
                    + DisplayPath.of(lock) + " with the line\n  provider = \"postgresql\"", lock, 0, null);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(lock);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read " + DisplayPath.of(lock) + ": " + e.getMessage(),
                    lock, 0, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = PROVIDER.matcher(lines.get(i));
            if (matcher.matches()) {
                String provider = matcher.group(1);
                if (!provider.equals("postgresql")) {
                    throw new HarnessException(ErrorCode.INPUT, DisplayPath.of(lock) + " line " + (i + 1)
                            + ": provider = \"" + provider + "\", but the harness verifies PostgreSQL migrations and"
                            + " Prisma applies this history only to a " + provider + " database.\nGenerate the"
                            + " migrations with provider = \"postgresql\" in schema.prisma (the lock file then says"
                            + " provider = \"postgresql\"), or leave this set out of the harness.", lock, i + 1, null);
                }
                return;
            }
        }
        throw new HarnessException(ErrorCode.INPUT, DisplayPath.of(lock) + " names no provider.\nAdd the line\n"
                + "  provider = \"postgresql\"", lock, 0, null);
    }

    /** A whole file, labelled by its folder and name: {@code 20240101120000_add_reviews/migration.sql}. */
    private static Script script(Path file, Map<Path, String> texts) {
        return new Script(file, 1, label(file), texts.get(file));
    }

    private static String label(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }

    @Override
    public boolean checksumsAppliedScripts() {
        return true;
    }
}
