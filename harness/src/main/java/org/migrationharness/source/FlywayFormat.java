package org.migrationharness.source;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.migrationharness.internal.DisplayPath;
import org.migrationharness.naming.FileNaming;
import org.migrationharness.naming.ScriptName;
import org.migrationharness.report.CheckId;
import org.migrationharness.report.Finding;
import org.migrationharness.report.Severity;

/**
 * Flyway's layout: {@code V<version>__<description>.sql} up scripts, {@code U<version>__<description>.sql} down
 * scripts in the same folder (Flyway's undo naming), {@code R__<description>.sql} repeatables and Flyway's SQL
 * callbacks; sub-folders are read too, as Flyway does. Every other file is reported ({@code naming.file}): Flyway would
 * silently ignore or misread it. Flyway keeps its history in {@code flyway_schema_history} (or
 * {@code flyway: {table: ...}}).
 */
public final class FlywayFormat implements MigrationFormat {

    /** The format's id. */
    public static final String ID = "flyway";

    /** The history table Flyway keeps, unless {@code flyway: {table: ...}} says otherwise. */
    public static final String DEFAULT_HISTORY_TABLE = "flyway_schema_history";

    private static final Pattern VERSIONED = Pattern.compile("([VU])([0-9]+(?:[._][0-9]+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    /** Flyway's SQL callbacks ({@code afterMigrate.sql}, {@code beforeEachMigrate__audit.sql}): Flyway runs them. */
    private static final Pattern CALLBACK = Pattern.compile("(before|after)(Migrate|Repeatables|EachMigrate|EachMigrateStatement"
            + "|EachMigrateStatementError|EachMigrateError|MigrateApplied|Versioned|MigrateError|Clean|CleanError|Info"
            + "|InfoError|Validate|ValidateError|Baseline|BaselineError|Repair|RepairError|Connect|EachUndo|Undo"
            + "|EachUndoError|UndoError)(__.+)?\\.sql|createSchema(__.+)?\\.sql");
    /** What Flyway would read, or a near miss of it (a lower-case prefix, one underscore, .SQL): Flyway's evidence. */
    private static final Pattern LOOKS_LIKE_FLYWAY = Pattern.compile("(?i)[VUR][0-9_].*\\.sql");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Path> evidence(Path migrations, List<Path> files) {
        return files.stream().filter(file -> {
            String fileName = file.getFileName().toString();
            return LOOKS_LIKE_FLYWAY.matcher(fileName).matches() || CALLBACK.matcher(fileName).matches();
        }).toList();
    }

    @Override
    public Set<String> bookkeepingTables(ServiceConfig config) {
        return Set.of(historyTable(config));
    }

    /** The name of Flyway's history table for this configuration. */
    public static String historyTable(ServiceConfig config) {
        return config.flyway().getOrDefault("table", config.historyTableOr(DEFAULT_HISTORY_TABLE));
    }

    @Override
    public String missingDown(Migration migration) {
        return "U" + migration.version() + "__" + migration.description() + ".sql beside it";
    }

    @Override
    public MigrationSet read(Path migrations, String name, ServiceConfig config, List<Path> files) {
        List<Path> scripts = files.stream().filter(file -> {
            String fileName = file.getFileName().toString();
            return VERSIONED.matcher(fileName).matches() || REPEATABLE.matcher(fileName).matches()
                    || CALLBACK.matcher(fileName).matches();
        }).toList();
        Map<Path, String> texts = ScriptFiles.read(migrations, scripts, config);
        List<Finding> problems = new ArrayList<>();
        Map<MigrationVersion, Path> ups = new TreeMap<>();
        Map<MigrationVersion, Path> downs = new TreeMap<>();
        Map<String, Path> repeatables = new TreeMap<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (fileName.equals(ServiceConfig.FILE_NAME) || CALLBACK.matcher(fileName).matches()) {
                continue;
            }
            Matcher versioned = VERSIONED.matcher(fileName);
            Matcher repeatable = REPEATABLE.matcher(fileName);
            if (versioned.matches()) {
                MigrationVersion version = MigrationVersion.of(versioned.group(2));
                Map<MigrationVersion, Path> target = versioned.group(1).equals("V") ? ups : downs;
                Path previous = target.putIfAbsent(version, file);
                if (previous != null) {
                    problems.add(duplicate(previous, file, version));
                }
            } else if (repeatable.matches()) {
                Path previous = repeatables.putIfAbsent(repeatable.group(1), file);
                if (previous != null) {
                    problems.add(new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, null,
                            DisplayPath.of(file), null, "Repeatable migrations " + previous.getFileName() + " and "
                            + fileName + " share the description '" + repeatable.group(1)
                            + "': Flyway refuses to migrate.\nRename one of them."));
                }
            } else {
                problems.add(misnamed(file, fileName));
            }
        }
        List<Migration> result = new ArrayList<>();
        for (Map.Entry<MigrationVersion, Path> up : ups.entrySet()) {
            MigrationVersion version = up.getKey();
            Path down = downs.get(version);
            IrreversibleMarker.Down read = IrreversibleMarker.read(down == null ? null : script(down, texts), version,
                    down == null ? null : down.getFileName().toString(), false, problems);
            result.add(new Migration(version, description(up.getValue()), script(up.getValue(), texts), read.script(),
                    read.irreversibleReason()));
        }
        for (Map.Entry<MigrationVersion, Path> down : downs.entrySet()) {
            if (!ups.containsKey(down.getKey())) {
                problems.add(new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, down.getKey().text(),
                        DisplayPath.of(down.getValue()), null, down.getValue().getFileName()
                        + " reverses no migration: there is no V" + down.getKey() + "__*.sql.\n"
                        + "Rename it to the version it reverses, or delete it."));
            }
        }
        List<RepeatableMigration> repeatableList = repeatables.entrySet().stream()
                .map(e -> new RepeatableMigration(e.getKey(), script(e.getValue(), texts))).toList();
        problems.addAll(FileNaming.check(config.naming(), migrations, scriptNames(ups, downs),
                repeatableList.stream().map(r -> new ScriptName("R", null, r.description(), r.script().file())).toList(),
                Clock.systemUTC()));
        return new MigrationSet(name, migrations, ID, config, result, repeatableList, problems);
    }

    /** A whole file as a script, labelled as the team says it: {@code V4}, {@code U4}, {@code R__view}. */
    private static Script script(Path file, Map<Path, String> texts) {
        String fileName = file.getFileName().toString();
        int separator = fileName.indexOf("__");
        String label = fileName.startsWith("R__") ? fileName.replaceFirst("\\.sql$", "")
                : separator > 0 ? fileName.substring(0, separator) : fileName;
        return new Script(file, 1, label, texts.get(file));
    }

    /** The up scripts in version order, then the down scripts, as the naming rules see them. */
    private static List<ScriptName> scriptNames(Map<MigrationVersion, Path> ups, Map<MigrationVersion, Path> downs) {
        List<ScriptName> names = new ArrayList<>();
        for (Map<MigrationVersion, Path> scripts : List.of(ups, downs)) {
            for (Map.Entry<MigrationVersion, Path> e : scripts.entrySet()) {
                Matcher m = VERSIONED.matcher(e.getValue().getFileName().toString());
                if (m.matches()) {
                    names.add(new ScriptName(m.group(1), m.group(2), m.group(3), e.getValue()));
                }
            }
        }
        return names;
    }

    private static String description(Path file) {
        Matcher matcher = VERSIONED.matcher(file.getFileName().toString());
        return matcher.matches() ? matcher.group(3) : file.getFileName().toString();
    }

    private static Finding duplicate(Path first, Path second, MigrationVersion version) {
        String kind = second.getFileName().toString().startsWith("U") ? "Down scripts" : "Migrations";
        return new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, version.text(), DisplayPath.of(second),
                null, kind + " " + first.getFileName() + " and " + second.getFileName() + " share version " + version
                + ": Flyway refuses to migrate (found more than one migration with version " + version.flywayText()
                + ").\nGive one of them a version of its own.");
    }

    /** Why a file is not a migration Flyway reads as intended, and how to rename it. */
    private static Finding misnamed(Path file, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String message;
        Severity severity = Severity.ERROR;
        if (lower.endsWith(".sql") && !fileName.endsWith(".sql")) {
            message = fileName + ": Flyway only reads files ending in '.sql' (lower case) and ignores this one.\n"
                    + "Rename it to " + fileName.substring(0, fileName.length() - 4) + ".sql.";
        } else if (lower.endsWith(".sql") && Pattern.compile("[vur][0-9_].*").matcher(fileName).matches()) {
            String fixed = Character.toUpperCase(fileName.charAt(0)) + fileName.substring(1);
            message = fileName + ": Flyway's prefixes are upper case (V, U, R); it would ignore this file.\n"
                    + "Rename it to " + fixed + ".";
        } else if (Pattern.compile("[VU][0-9]+(?:[._][0-9]+)*_[^_].*\\.sql").matcher(fileName).matches()) {
            Matcher m = Pattern.compile("([VU][0-9]+(?:[._][0-9]+)*)_(.*)").matcher(fileName);
            String fixed = m.matches() ? m.group(1) + "__" + m.group(2) : fileName;
            message = fileName + ": the version and the description are separated by two underscores; Flyway would"
                    + " misread or ignore this file.\nRename it to " + fixed + ".";
        } else if (Pattern.compile("[VU][0-9]+(?:[._][0-9]+)*(__)?\\.sql").matcher(fileName).matches()) {
            message = fileName + ": a migration needs a description after the version.\n"
                    + "Rename it to " + fileName.replaceFirst("(__)?\\.sql$", "") + "__<description>.sql.";
        } else if (Pattern.compile("[VU].*\\.sql").matcher(fileName).matches()) {
            message = fileName + ": the version must be digits separated by '.' or '_' (e.g. V1__, V1.1__, V2_3__).\n"
                    + "Rename it to V<version>__<description>.sql.";
        } else if (lower.endsWith(".sql")) {
            message = fileName + ": not named like a migration, so Flyway ignores it.\n"
                    + "Rename it to V<version>__<description>.sql (or R__<description>.sql), or move it out of the"
                    + " migrations folder.";
        } else {
            severity = Severity.WARNING;
            message = fileName + ": not a migration; Flyway ignores it.\nMove it out of the migrations folder.";
        }
        return new Finding(CheckId.NAMING_FILE.id(), severity, null, DisplayPath.of(file), null, message);
    }

}
