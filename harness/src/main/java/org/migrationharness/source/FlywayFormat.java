package org.migrationharness.source;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.source.naming.FileNaming;
import org.migrationharness.source.naming.ScriptName;

/**
 * Flyway's layout: {@code V<version>__<description>.sql} up scripts, {@code U<version>__<description>.sql} down
 * scripts in the same folder (Flyway's undo naming), {@code R__<description>.sql} repeatables and Flyway's SQL
 * callbacks; sub-folders are read too, as Flyway does. Every name is read as Flyway 11 reads it ({@link FlywayName}):
 * {@code V6__x.SQL} and {@code V6.sql} are migrations, {@code v6__x.sql} and {@code V6_x.sql} are not. A script's
 * configuration file ({@code V3__x.sql.conf}, {@code executeInTransaction=false}) is read into its
 * {@link Script#settings()}; one without its script, or with a key Flyway refuses, is a {@code naming.file} error.
 * Every other file is reported ({@code naming.file}): Flyway would silently ignore it. A script migration
 * ({@code V7__x.sh}) or a version the harness cannot order as Flyway does ({@code V+1__x.sql}) is an input error.
 * Flyway keeps its history in {@code flyway_schema_history} (or {@code flyway: {table: ...}}).
 */
public final class FlywayFormat implements MigrationFormat {

    /** The format's id. */
    public static final String ID = "flyway";

    /** The history table Flyway keeps, unless {@code flyway: {table: ...}} says otherwise. */
    public static final String DEFAULT_HISTORY_TABLE = "flyway_schema_history";

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
            return LOOKS_LIKE_FLYWAY.matcher(fileName).matches()
                    || FlywayName.parse(fileName).kind() == FlywayName.Kind.CALLBACK;
        }).toList();
    }

    @Override
    public Set<String> bookkeepingTables(ServiceConfig config) {
        return Set.of(historyTable(config));
    }

    /** Whether a folder holds a SQL callback Flyway runs at an event ({@code afterMigrate.sql}), in any sub-folder. */
    public static boolean hasCallbacks(Path migrations) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(migrations)) {
            return files.filter(java.nio.file.Files::isRegularFile)
                    .anyMatch(f -> FlywayName.parse(f.getFileName().toString()).kind() == FlywayName.Kind.CALLBACK);
        } catch (java.io.IOException e) {
            return true; // the safe answer: Flyway itself runs the scripts
        }
    }

    /** The name of Flyway's history table for this configuration. */
    public static String historyTable(ServiceConfig config) {
        return config.flyway().getOrDefault("table", config.historyTableOr(DEFAULT_HISTORY_TABLE));
    }

    /**
     * Whether Flyway runs this script in a transaction: as its script configuration file says
     * ({@code executeInTransaction=false} in {@code V3__x.sql.conf}), else as {@code flyway: {executeInTransaction: ...}}
     * says, else yes. The harness runs a down script the same way.
     */
    public static boolean executeInTransaction(Script script, ServiceConfig config) {
        return setting(script, config, FlywayScriptConfig.EXECUTE_IN_TRANSACTION);
    }

    /** Whether Flyway replaces placeholders in this script: its script configuration file, else the set's Flyway settings, else yes. */
    public static boolean placeholderReplacement(Script script, ServiceConfig config) {
        return setting(script, config, FlywayScriptConfig.PLACEHOLDER_REPLACEMENT);
    }

    private static boolean setting(Script script, ServiceConfig config, String key) {
        String value = script.settings().get(key);
        if (value == null) {
            value = config.flyway().getOrDefault(key, config.flyway().get("flyway." + key));
        }
        return value == null || !value.strip().equalsIgnoreCase("false");
    }

    @Override
    public String missingDown(Migration migration) {
        return "U" + migration.version() + "__" + migration.description() + ".sql beside it";
    }

    @Override
    public MigrationSet read(Path migrations, String name, ServiceConfig config, List<Path> files) {
        Set<Path> present = new HashSet<>(files);
        Map<Path, FlywayName> names = new LinkedHashMap<>();
        List<Path> scripts = new ArrayList<>();
        List<Path> configurations = new ArrayList<>();
        List<Path> unsupported = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (fileName.equals(ServiceConfig.FILE_NAME)) {
                continue;
            }
            FlywayName parsed = FlywayName.parse(fileName);
            names.put(file, parsed);
            if (parsed.kind() == FlywayName.Kind.SCRIPT_MIGRATION || parsed.kind() == FlywayName.Kind.UNSUPPORTED_VERSION) {
                unsupported.add(file);
            } else if (parsed.sql()) {
                scripts.add(file);
            } else if (FlywayScriptConfig.scriptOf(fileName).isPresent()) {
                configurations.add(file);
            }
        }
        if (!unsupported.isEmpty()) {
            throw unsupported(unsupported, names);
        }
        // the script configuration files first: one may name its script's encoding
        Map<Path, String> configurationTexts = ScriptFiles.read(migrations, configurations, config);
        Map<Path, FlywayScriptConfig> configurationOf = new HashMap<>();
        Map<Path, List<Finding>> configurationProblems = new HashMap<>();
        for (Path file : configurations) {
            Path script = file.resolveSibling(FlywayScriptConfig.scriptOf(file.getFileName().toString()).orElseThrow());
            if (!present.contains(script)) {
                configurationProblems.put(file, List.of(withoutScript(file, script)));
                continue;
            }
            FlywayScriptConfig read = FlywayScriptConfig.read(file, configurationTexts.get(file));
            configurationOf.put(script, read);
            configurationProblems.put(file, read.problems());
        }
        Map<Path, Charset> encodings = new HashMap<>();
        configurationOf.forEach((script, c) -> c.encoding().ifPresent(e -> encodings.put(script, e)));
        Map<Path, String> texts = ScriptFiles.read(migrations, scripts, config, encodings);

        List<Finding> problems = new ArrayList<>();
        Map<MigrationVersion, Path> ups = new TreeMap<>();
        Map<MigrationVersion, Path> downs = new TreeMap<>();
        Map<String, Path> repeatables = new TreeMap<>();
        for (Map.Entry<Path, FlywayName> entry : names.entrySet()) {
            Path file = entry.getKey();
            FlywayName parsed = entry.getValue();
            String fileName = file.getFileName().toString();
            switch (parsed.kind()) {
                case VERSIONED, UNDO -> {
                    MigrationVersion version = MigrationVersion.of(parsed.version());
                    Map<MigrationVersion, Path> target = parsed.kind() == FlywayName.Kind.VERSIONED ? ups : downs;
                    Path previous = target.putIfAbsent(version, file);
                    if (previous != null) {
                        problems.add(duplicate(previous, file, version));
                    }
                }
                case REPEATABLE -> {
                    Path previous = repeatables.putIfAbsent(parsed.description(), file);
                    if (previous != null) {
                        problems.add(new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, null,
                                DisplayPath.of(file), null, "Repeatable migrations " + previous.getFileName() + " and "
                                + fileName + " share the description '" + parsed.description()
                                + "': Flyway refuses to migrate.\nRename one of them."));
                    }
                }
                case CALLBACK -> {
                    // Flyway runs it at its event
                }
                default -> {
                    if (configurationProblems.containsKey(file)) {
                        problems.addAll(configurationProblems.get(file));
                    } else {
                        problems.add(misnamed(file, fileName));
                    }
                }
            }
        }
        List<Migration> result = new ArrayList<>();
        for (Map.Entry<MigrationVersion, Path> up : ups.entrySet()) {
            MigrationVersion version = up.getKey();
            Path down = downs.get(version);
            IrreversibleMarker.Down read = IrreversibleMarker.read(down == null ? null
                    : script(down, names, texts, configurationOf), version,
                    down == null ? null : down.getFileName().toString(), false, problems);
            result.add(new Migration(version, names.get(up.getValue()).description(),
                    script(up.getValue(), names, texts, configurationOf), read.script(), read.irreversibleReason()));
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
                .map(e -> new RepeatableMigration(e.getKey(), script(e.getValue(), names, texts, configurationOf)))
                .toList();
        problems.addAll(FileNaming.check(config.naming(), migrations, scriptNames(ups, downs, names),
                repeatableList.stream().map(r -> new ScriptName("R", null, r.description(), r.script().file())).toList(),
                Clock.systemUTC(), MigrationSet.scope(config.naming().since(), result)));
        return new MigrationSet(name, migrations, ID, config, result, repeatableList, problems);
    }

    /** A whole file as a script, labelled as the team says it: {@code V4}, {@code U4}, {@code R__view}. */
    private static Script script(Path file, Map<Path, FlywayName> names, Map<Path, String> texts,
                                 Map<Path, FlywayScriptConfig> configurations) {
        FlywayName name = names.get(file);
        String label = name.version() != null ? name.prefix() + name.version() : "R__" + name.description();
        FlywayScriptConfig configuration = configurations.get(file);
        return new Script(file, 1, label, texts.get(file), configuration == null ? Map.of() : configuration.settings());
    }

    /** The up scripts in version order, then the down scripts, as the naming rules see them. */
    private static List<ScriptName> scriptNames(Map<MigrationVersion, Path> ups, Map<MigrationVersion, Path> downs,
                                                Map<Path, FlywayName> names) {
        List<ScriptName> result = new ArrayList<>();
        for (Map<MigrationVersion, Path> scripts : List.of(ups, downs)) {
            for (Path file : scripts.values()) {
                FlywayName name = names.get(file);
                result.add(new ScriptName(name.prefix(), name.version(), name.description(), file));
            }
        }
        return result;
    }

    /** Files Flyway runs that the harness cannot verify: one input error naming each. */
    private static HarnessException unsupported(List<Path> files, Map<Path, FlywayName> names) {
        List<String> reasons = new ArrayList<>();
        for (Path file : files) {
            FlywayName name = names.get(file);
            String fileName = file.getFileName().toString();
            String description = name.description() == null || name.description().isEmpty() ? "<description>"
                    : name.description();
            if (name.kind() == FlywayName.Kind.SCRIPT_MIGRATION) {
                String what = name.version() == null ? "a repeatable script migration" : "script migration "
                        + name.version();
                reasons.add(DisplayPath.of(file) + ": Flyway runs it as " + what + (fileName.contains(".")
                        ? "" : " (a file without an extension is a script to Flyway)") + ", a program, not SQL."
                        + " The harness verifies SQL migrations only.\nRewrite it as " + name.prefix()
                        + (name.version() == null ? "" : name.version()) + "__" + description
                        + ".sql, or move it out of the migrations folder.");
            } else if (FlywayName.flywayVersion(name.version()) && name.version().chars().noneMatch(Character::isDigit)) {
                reasons.add(DisplayPath.of(file) + ": Flyway reads the version '" + name.version() + "' as its own"
                        + " named version and refuses to migrate (Version may only contain 0..9 and . (dot)).\n"
                        + "Rename it with a version of digits, e.g. " + name.prefix() + "1__" + description + ".sql.");
            } else {
                String digits = numeric(name.version());
                reasons.add(DisplayPath.of(file) + ": Flyway reads the version '" + name.version() + "' as " + digits
                        + ", but the harness orders versions written with the digits 0-9 separated by '.' or '_'"
                        + " only.\nRename it to " + name.prefix() + digits + "__" + description + ".sql.");
            }
        }
        String message = files.size() == 1 ? reasons.get(0) : files.size() + " files of the migrations folder cannot"
                + " be verified:\n" + String.join("\n", reasons);
        return new HarnessException(ErrorCode.INPUT, message, files.get(0), 0, null);
    }

    /** A version as Flyway's numbers read it: {@code +1} is 1. */
    private static String numeric(String version) {
        List<String> parts = new ArrayList<>();
        for (String part : version.replace('_', '.').split("\\.(?=\\d)")) {
            parts.add(new BigInteger(part).toString());
        }
        return String.join(".", parts);
    }

    private static Finding withoutScript(Path configuration, Path script) {
        String name = configuration.getFileName().toString();
        return new Finding(CheckId.NAMING_FILE.id(), Severity.ERROR, null, DisplayPath.of(configuration), null, name
                + " configures no script: there is no " + script.getFileName() + " beside it, so Flyway ignores it and"
                + " the script it was written for runs without it (in a transaction, say).\nRename it to the script's"
                + " exact name plus .conf, or delete it.");
    }

    private static Finding duplicate(Path first, Path second, MigrationVersion version) {
        String kind = second.getFileName().toString().startsWith("U") ? "Down scripts" : "Migrations";
        return new Finding(CheckId.ORDER_DUPLICATE_VERSION.id(), Severity.ERROR, version.text(), DisplayPath.of(second),
                null, kind + " " + first.getFileName() + " and " + second.getFileName() + " share version " + version
                + ": Flyway refuses to migrate (found more than one migration with version " + version.flywayText()
                + ").\nGive one of them a version of its own.");
    }

    /** Why a file Flyway ignores is not a migration it reads, and how to rename it. */
    private static Finding misnamed(Path file, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean sql = lower.endsWith(".sql");
        String stem = sql ? fileName.substring(0, fileName.length() - 4) : fileName;
        String message;
        Severity severity = Severity.ERROR;
        Matcher oneUnderscore = Pattern.compile("([VU][0-9]+(?:[._][0-9]+)*)_([^_].*)").matcher(stem);
        if (sql && Pattern.compile("[vur][0-9_].*").matcher(fileName).matches()) {
            String fixed = Character.toUpperCase(fileName.charAt(0)) + stem.substring(1) + ".sql";
            message = fileName + ": Flyway's prefixes are upper case (V, U, R); it would ignore this file.\n"
                    + "Rename it to " + fixed + ".";
        } else if (sql && oneUnderscore.matches()) {
            message = fileName + ": the version and the description are separated by two underscores; Flyway would"
                    + " misread or ignore this file.\nRename it to " + oneUnderscore.group(1) + "__"
                    + oneUnderscore.group(2) + ".sql.";
        } else if (sql && Pattern.compile("R_[^_].*").matcher(stem).matches()) {
            message = fileName + ": a repeatable migration is R, two underscores, then the description; Flyway"
                    + " ignores this file.\nRename it to R__" + stem.substring(2) + ".sql.";
        } else if (sql && Pattern.compile("[VU].*").matcher(stem).matches()) {
            message = fileName + ": the version must be digits separated by '.' or '_' (e.g. V1__, V1.1__, V2_3__).\n"
                    + "Rename it to V<version>__<description>.sql.";
        } else if (sql) {
            message = fileName + ": not named like a migration, so Flyway ignores it.\n"
                    + "Rename it to V<version>__<description>.sql (or R__<description>.sql), or move it out of the"
                    + " migrations folder.";
        } else if (lower.endsWith(".sql.conf")) {
            String fixed = fileName.substring(0, fileName.length() - ".conf".length()) + ".conf";
            message = fileName + ": Flyway reads a script's configuration only from the script's name plus .conf"
                    + " (lower case), and ignores this file.\nRename it to " + fixed + ".";
        } else {
            severity = Severity.WARNING;
            message = fileName + ": not a migration; Flyway ignores it.\nMove it out of the migrations folder.";
        }
        return new Finding(CheckId.NAMING_FILE.id(), severity, null, DisplayPath.of(file), null, message);
    }

    @Override
    public boolean checksumsAppliedScripts() {
        return true;
    }
}
