package org.migrationharness.source;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file name as Flyway 11 reads it, step by step as its {@code ResourceNameParser} does: the suffix {@code .sql}
 * matched without case ({@code V6__x.SQL} is applied), then the prefix with case ({@code v6__x.sql} is not), then the
 * version up to the first {@code __} and the description after it (either may be empty: {@code V6.sql} and
 * {@code V6__.sql} are applied as version 6 with no description). A version is what Flyway's
 * {@code MigrationVersion} accepts: {@code _} read as {@code .}, parts split at a {@code .} before a digit, each a
 * number. Besides SQL, Flyway runs script migrations ({@code V7__x.sh}, {@code .bash}, {@code .py}, {@code .ps1},
 * {@code .cmd}, {@code .bat}, and a file with no extension at all).
 *
 * <p>{@code U} follows the versioned grammar: Flyway's undo naming, which Flyway Community ignores and the harness
 * runs as the down script.
 *
 * @param kind how Flyway (and the harness) reads the file
 * @param prefix {@code V}, {@code U}, {@code R} or the callback's event, null when ignored
 * @param version the version as written, null for a repeatable, a callback or an ignored file
 * @param description the description as written (underscores kept), null for an ignored file
 */
record FlywayName(Kind kind, String prefix, String version, String description) {

    /** How a file is read. */
    enum Kind {
        /** {@code V}: a versioned SQL migration Flyway applies. */
        VERSIONED,
        /** {@code U}: the down script of a versioned migration, run by the harness. */
        UNDO,
        /** {@code R__}: a repeatable SQL migration Flyway applies. */
        REPEATABLE,
        /** A SQL callback Flyway runs at an event ({@code afterMigrate.sql}). */
        CALLBACK,
        /** A versioned or repeatable script migration: Flyway runs it as a program. */
        SCRIPT_MIGRATION,
        /**
         * A versioned migration whose version Flyway accepts but cannot migrate ({@code latest}) or that the harness
         * cannot order as Flyway does ({@code +1}, digits other than 0-9).
         */
        UNSUPPORTED_VERSION,
        /** Flyway does not read it as a migration or a callback. */
        IGNORED
    }

    /** Flyway 11's callback events ({@code org.flywaydb.core.api.callback.Event}), as file name prefixes. */
    static final List<String> CALLBACK_EVENTS = List.of("beforeClean", "afterClean", "afterCleanError", "beforeMigrate",
            "beforeEachMigrate", "beforeEachMigrateStatement", "afterEachMigrateStatement",
            "afterEachMigrateStatementError", "afterEachMigrate", "afterEachMigrateError", "beforeRepeatables",
            "afterVersioned", "afterMigrateApplied", "afterMigrate", "afterMigrateError", "beforeUndo", "beforeEachUndo",
            "beforeEachUndoStatement", "afterEachUndoStatement", "afterEachUndoStatementError", "afterEachUndo",
            "afterEachUndoError", "afterUndo", "afterUndoError", "beforeValidate", "afterValidate", "afterValidateError",
            "beforeBaseline", "afterBaseline", "afterBaselineError", "beforeRepair", "afterRepair", "afterRepairError",
            "beforeInfo", "afterInfo", "afterInfoError", "afterMigrateOperationFinish", "afterInfoOperationFinish",
            "createSchema", "beforeCreateSchema", "beforeConnect", "afterConnect");

    /** Longest first, as Flyway tries its prefixes. */
    private static final List<String> EVENTS_LONGEST_FIRST = CALLBACK_EVENTS.stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    /** The extensions of Flyway's script migrations (compared without case). */
    static final Set<String> SCRIPT_EXTENSIONS = Set.of("cmd", "bat", "ps1", "py", "sh", "bash");

    private static final String SEPARATOR = "__";
    private static final Pattern FLYWAY_VERSION_SPLIT = Pattern.compile("\\.(?=\\d)");
    private static final FlywayName IGNORED = new FlywayName(Kind.IGNORED, null, null, null);

    /** Whether the file is a script Flyway (or the harness, for {@code U}) reads as SQL. */
    boolean sql() {
        return kind == Kind.VERSIONED || kind == Kind.UNDO || kind == Kind.REPEATABLE || kind == Kind.CALLBACK;
    }

    /** Reads a file name. */
    static FlywayName parse(String fileName) {
        if (fileName.toUpperCase(Locale.ROOT).endsWith(".SQL")) {
            return parseStem(fileName.substring(0, fileName.length() - 4), true);
        }
        if (scriptMigration(fileName)) {
            int dot = fileName.lastIndexOf('.');
            FlywayName name = parseStem(dot < 0 ? fileName : fileName.substring(0, dot), false);
            if ((name.kind == Kind.VERSIONED && "V".equals(name.prefix)) || name.kind == Kind.REPEATABLE
                    || name.kind == Kind.UNSUPPORTED_VERSION) {
                return new FlywayName(Kind.SCRIPT_MIGRATION, name.prefix, name.version, name.description);
            }
        }
        return IGNORED;
    }

    private static boolean scriptMigration(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1);
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ENGLISH).contains("win");
        return (!windows && extension.isEmpty()) || SCRIPT_EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
    }

    private static FlywayName parseStem(String stem, boolean sql) {
        for (String event : EVENTS_LONGEST_FIRST) {
            if (stem.startsWith(event)) {
                String[] split = split(stem.substring(event.length()));
                return sql && split[0].isEmpty() ? new FlywayName(Kind.CALLBACK, event, null, split[1]) : IGNORED;
            }
        }
        if (stem.isEmpty()) {
            return IGNORED;
        }
        String prefix = stem.substring(0, 1);
        String[] split = split(stem.substring(1));
        switch (prefix) {
            case "R" -> {
                return split[0].isEmpty() ? new FlywayName(Kind.REPEATABLE, prefix, null, split[1]) : IGNORED;
            }
            case "V", "U" -> {
                if (split[0].isEmpty() || !flywayVersion(split[0])) {
                    return IGNORED;
                }
                if (!MigrationVersion.isValid(split[0])) {
                    return new FlywayName(Kind.UNSUPPORTED_VERSION, prefix, split[0], split[1]);
                }
                return new FlywayName(prefix.equals("V") ? Kind.VERSIONED : Kind.UNDO, prefix, split[0], split[1]);
            }
            default -> {
                return IGNORED;
            }
        }
    }

    /** The part before the first {@code __} and the part after it (empty when there is no separator). */
    private static String[] split(String name) {
        int separator = name.indexOf(SEPARATOR);
        return separator < 0 ? new String[] {name, ""}
                : new String[] {name.substring(0, separator), name.substring(separator + SEPARATOR.length())};
    }

    /** Whether Flyway's {@code MigrationVersion.fromVersion} accepts the text (its three named versions too). */
    static boolean flywayVersion(String text) {
        if (text.equalsIgnoreCase("current") || text.equalsIgnoreCase("next") || text.equalsIgnoreCase("latest")) {
            return true;
        }
        for (String part : FLYWAY_VERSION_SPLIT.split(text.replace('_', '.'))) {
            try {
                new BigInteger(part);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
