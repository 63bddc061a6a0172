package org.migrationharness.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.source.Migration;
import org.migrationharness.source.Script;
import org.migrationharness.sql.ScriptStatement;
import org.migrationharness.sql.Splitter;
import org.migrationharness.sql.Token;
import org.migrationharness.sql.TokenKind;

/**
 * The rules of {@code lint}, over the text of each migration's up script (no database). A table is pre-existing for a
 * migration when an earlier migration of the set created it (and did not drop it); one the same script creates is not.
 * A script suppresses a rule with {@code -- harness:allow lint.<rule> <reason>} (without a reason it does not).
 */
final class Lint {

    private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "clock_timestamp", "nextval",
            "uuid_generate_v4", "uuid_generate_v1", "uuid_generate_v1mc", "timeofday", "txid_current");
    private static final Set<String> SERIAL = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4",
            "serial8");

    private Lint() {
    }

    /** The findings over {@code migrations} in order; only those {@code judged} accepts are reported on. */
    static List<Finding> findings(List<Migration> migrations, Predicate<Migration> judged) {
        Set<String> existing = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (Migration migration : migrations) {
            ScriptLint lint = new ScriptLint(migration, existing);
            lint.run();
            if (judged.test(migration)) {
                findings.addAll(lint.findings);
            }
            existing.removeAll(lint.dropped);
            existing.addAll(lint.created);
        }
        return findings;
    }

    /** The rules a script suppresses with a reason. */
    static Set<String> allowed(String text) {
        Set<String> allowed = new HashSet<>(AllowMarkers.in(text).keySet());
        allowed.removeIf(id -> !id.startsWith("lint."));
        return allowed;
    }

    /** A table's name as tracked: lower case, without the schema {@code public}. */
    static String tableKey(String schema, String name) {
        return schema == null || schema.equals("public") ? name : schema + "." + name;
    }

    private static final class ScriptLint {
        final Migration migration;
        final Script script;
        final Set<String> existing;
        final Set<String> created = new HashSet<>();
        final Set<String> dropped = new HashSet<>();
        final List<Finding> findings = new ArrayList<>();
        /** The rules reported per statement (rule@line): one finding per rule and statement. */
        final Set<String> reported = new HashSet<>();
        final Set<String> allowed;
        boolean lockTimeout;
        boolean lockTimeoutReported;

        ScriptLint(Migration migration, Set<String> existing) {
            this.migration = migration;
            this.script = migration.up();
            this.existing = existing;
            this.allowed = allowed(script.text());
        }

        boolean preExisting(String table) {
            return table != null && existing.contains(table) && !created.contains(table) && !dropped.contains(table);
        }

        void run() {
            List<ScriptStatement> statements = Splitter.split(script.text());
            boolean transactional = statements.stream().noneMatch(ScriptStatement::nonTransactional)
                    && !"false".equalsIgnoreCase(script.settings().getOrDefault("executeInTransaction", "true"));
            boolean ddl = statements.stream().map(s -> word(significant(s), 0))
                    .anyMatch(w -> w.equals("CREATE") || w.equals("ALTER") || w.equals("DROP"));
            for (ScriptStatement statement : statements) {
                List<Token> t = significant(statement);
                switch (word(t, 0)) {
                    case "SET" -> {
                        int k = word(t, 1).equals("LOCAL") || word(t, 1).equals("SESSION") ? 2 : 1;
                        if (word(t, k).equals("LOCK_TIMEOUT")) {
                            lockTimeout = true;
                        }
                    }
                    case "CREATE" -> create(statement, t);
                    case "ALTER" -> alter(statement, t);
                    case "DROP" -> drop(statement, t);
                    case "UPDATE", "DELETE" -> {
                        int k = word(t, 0).equals("DELETE") ? 2 : 1;
                        if (word(t, k).equals("ONLY")) {
                            k++;
                        }
                        if (transactional && ddl && preExisting(name(t, k))) {
                            report(CheckId.LINT_DDL_WITH_DATA_UPDATE, Severity.ERROR, statement,
                                    "It changes rows of " + name(t, k) + " in the same transaction as schema changes:"
                                            + " every row it touches stays locked, and the DDL's ACCESS EXCLUSIVE lock"
                                            + " is held, until the whole migration commits.",
                                    "change the schema in one migration and backfill the data in another, in batches.");
                        }
                    }
                    default -> {
                    }
                }
            }
        }

        void create(ScriptStatement statement, List<Token> t) {
            int k = 1;
            if (word(t, k).equals("UNIQUE")) {
                k++;
            }
            if (word(t, k).equals("INDEX")) {
                k++;
                boolean concurrently = word(t, k).equals("CONCURRENTLY");
                int on = indexOf(t, "ON", k);
                if (on < 0) {
                    return;
                }
                int table = word(t, on + 1).equals("ONLY") ? on + 2 : on + 1;
                String name = name(t, table);
                if (!concurrently && preExisting(name)) {
                    locking(statement, name);
                    report(CheckId.LINT_INDEX_NOT_CONCURRENT, Severity.ERROR, statement,
                            "CREATE INDEX takes a SHARE lock on " + name + ": inserts, updates and deletes wait"
                                    + " until the whole table is read and the index built.",
                            "CREATE INDEX CONCURRENTLY, in a migration of its own that runs outside a transaction.");
                }
                return;
            }
            while (k < t.size() && !word(t, k).equals("TABLE") && !word(t, k).equals("AS") && k < 4) {
                k++;
            }
            if (word(t, k).equals("TABLE")) {
                k++;
                if (word(t, k).equals("IF")) {
                    k += 3;
                }
                String name = name(t, k);
                if (name != null) {
                    created.add(name);
                    dropped.remove(name);
                }
            }
        }

        void drop(ScriptStatement statement, List<Token> t) {
            if (!word(t, 1).equals("TABLE")) {
                return;
            }
            int k = 2;
            if (word(t, k).equals("IF")) {
                k += 2;
            }
            while (k < t.size()) {
                String name = name(t, k);
                if (name == null) {
                    break;
                }
                if (preExisting(name)) {
                    locking(statement, name);
                    report(CheckId.LINT_DROP_COLUMN_OR_TABLE, Severity.WARNING, statement,
                            "DROP TABLE " + name + " removes a table the running application may still read or"
                                    + " write: its queries fail as soon as the migration commits.",
                            "first release code that no longer uses the table, then drop it in a later migration.");
                }
                dropped.add(name);
                created.remove(name);
                k = skipName(t, k);
                if (k < t.size() && t.get(k).text().equals(",")) {
                    k++;
                } else {
                    break;
                }
            }
        }

        void alter(ScriptStatement statement, List<Token> t) {
            if (!word(t, 1).equals("TABLE")) {
                return;
            }
            int k = 2;
            if (word(t, k).equals("IF")) {
                k += 2;
            }
            if (word(t, k).equals("ONLY")) {
                k++;
            }
            String table = name(t, k);
            if (!preExisting(table)) {
                return;
            }
            locking(statement, table);
            k = skipName(t, k);
            boolean notValid = false;
            for (int j = k; j + 1 < t.size(); j++) {
                if (word(t, j).equals("NOT") && word(t, j + 1).equals("VALID")) {
                    notValid = true;
                }
            }
            for (int j = k; j < t.size(); j++) {
                String w = word(t, j);
                if (w.equals("RENAME")) {
                    if (word(t, j + 1).equals("CONSTRAINT")) {
                        continue;
                    }
                    boolean toTable = word(t, j + 1).equals("TO");
                    report(CheckId.LINT_RENAME, Severity.ERROR, statement,
                            (toTable ? "Renaming table " + table : "Renaming a column of " + table)
                                    + " breaks every query of the running application that uses the old name, from the"
                                    + " moment the migration commits.",
                            "add the new name beside the old one (a new column kept in step, or a view), move the"
                                    + " code to it, and drop the old name in a later release.");
                    if (toTable) {
                        String renamed = name(t, j + 2);
                        if (renamed != null) {
                            dropped.add(table);
                            created.add(renamed);
                        }
                    }
                } else if (w.equals("ADD") && !word(t, j + 1).equals("VALUE")) {
                    int c = word(t, j + 1).equals("COLUMN") ? j + 2 : j + 1;
                    if (word(t, c).equals("IF")) {
                        c += 3;
                    }
                    String next = word(t, c);
                    if (next.equals("CONSTRAINT") || next.equals("FOREIGN") || next.equals("CHECK")) {
                        int end = clauseEnd(t, j + 1);
                        boolean fkOrCheck = indexOf(t, "FOREIGN", j + 1) >= 0 && indexOf(t, "FOREIGN", j + 1) < end
                                || indexOf(t, "CHECK", j + 1) >= 0 && indexOf(t, "CHECK", j + 1) < end;
                        if (fkOrCheck && !notValid) {
                            report(CheckId.LINT_CONSTRAINT_NOT_VALID, Severity.ERROR, statement,
                                    "Adding the constraint reads every row of " + table + " to validate it, under a"
                                            + " lock that blocks writes (a foreign key also locks the table it"
                                            + " references).",
                                    "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later migration (it"
                                            + " takes a lock that lets reads and writes go on).");
                        }
                    } else if (!next.equals("PRIMARY") && !next.equals("UNIQUE") && !next.equals("EXCLUDE")) {
                        addColumn(statement, t, c, clauseEnd(t, c), table);
                    }
                } else if (w.equals("SET") && word(t, j + 1).equals("NOT") && word(t, j + 2).equals("NULL")) {
                    report(CheckId.LINT_SET_NOT_NULL, Severity.ERROR, statement,
                            "SET NOT NULL reads every row of " + table + " under an ACCESS EXCLUSIVE lock: reads and"
                                    + " writes wait until the scan ends.",
                            "add CHECK (column IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT"
                                    + " NULL (PostgreSQL 12+ uses the valid check and skips the scan).");
                } else if (w.equals("TYPE") && j > k && (word(t, j - 1).equals("DATA") || isAlterColumn(t, j, k))) {
                    report(CheckId.LINT_COLUMN_TYPE_CHANGE, Severity.ERROR, statement,
                            "Changing a column's type mostly rewrites " + table + " and its indexes under an ACCESS"
                                    + " EXCLUSIVE lock: reads and writes wait until it ends.",
                            "add a column of the new type, backfill it in batches, move the code to it, then drop"
                                    + " the old one.");
                } else if (w.equals("DROP") && word(t, j + 1).equals("COLUMN")) {
                    report(CheckId.LINT_DROP_COLUMN_OR_TABLE, Severity.WARNING, statement,
                            "Dropping a column of " + table + " breaks the running application's queries that still"
                                    + " name it, from the moment the migration commits.",
                            "first release code that no longer uses the column (ignore it in the ORM), then drop it"
                                    + " in a later migration.");
                }
            }
        }

        /** Whether the TYPE at {@code j} belongs to {@code ALTER [COLUMN] name TYPE}. */
        private boolean isAlterColumn(List<Token> t, int j, int from) {
            for (int a = j - 1; a >= from && a >= j - 3; a--) {
                if (word(t, a).equals("ALTER")) {
                    return true;
                }
            }
            return false;
        }

        void addColumn(ScriptStatement statement, List<Token> t, int column, int end, String table) {
            String type = word(t, column + 1).toLowerCase(Locale.ROOT);
            boolean identity = false;
            for (int j = column; j + 1 < end; j++) {
                if (word(t, j).equals("AS") && word(t, j + 1).equals("IDENTITY")) {
                    identity = true;
                }
            }
            if (SERIAL.contains(type) || identity) {
                report(CheckId.LINT_ADD_SERIAL_COLUMN, Severity.ERROR, statement,
                        "A serial or identity column fills every existing row of " + table + ": the table is"
                                + " rewritten under an ACCESS EXCLUSIVE lock, reads and writes wait.",
                        "add a plain nullable column, fill it in batches from a sequence, then set its default.");
                return;
            }
            int def = indexOf(t, "DEFAULT", column);
            if (def < 0 || def >= end) {
                return;
            }
            for (int j = def + 1; j < end; j++) {
                Token token = t.get(j);
                if (token.isIdentifier() && j + 1 < t.size() && t.get(j + 1).kind() == TokenKind.OPEN_PAREN
                        && VOLATILE.contains(token.identifier())) {
                    report(CheckId.LINT_VOLATILE_DEFAULT, Severity.ERROR, statement,
                            "The default " + token.identifier() + "() is volatile: every existing row of " + table
                                    + " gets its own value, so the table is rewritten under an ACCESS EXCLUSIVE lock"
                                    + " (a constant or stable default such as now() is not).",
                            "add the column without a default (or with a constant), backfill it in batches, then set"
                                    + " the default for new rows.");
                    return;
                }
            }
        }

        void locking(ScriptStatement statement, String table) {
            if (lockTimeout || lockTimeoutReported) {
                return;
            }
            lockTimeoutReported = true;
            report(CheckId.LINT_MISSING_LOCK_TIMEOUT, Severity.WARNING, statement,
                    "It locks " + table + " with no lock_timeout set before it: waiting behind a long transaction, it"
                            + " queues every later read and write of the table behind itself.",
                    "SET lock_timeout = '5s' (or SET LOCAL) at the top of the script, and retry the migration when"
                            + " it times out.");
        }

        void report(CheckId rule, Severity severity, ScriptStatement statement, String why, String fix) {
            if (allowed.contains(rule.id()) || !reported.add(rule.id() + "@" + statement.line())) {
                return;
            }
            String first = statement.text().replaceAll("\\s+", " ");
            if (first.length() > 100) {
                first = first.substring(0, 97) + "...";
            }
            findings.add(new Finding(rule, severity, migration.version().text(), DisplayPath.of(script.file()),
                    script.lineInFile(statement.line()), first + "\n" + why + "\nSafe: " + fix
                            + "\nTo accept it: -- harness:allow " + rule.id() + " <reason>"));
        }
    }

    static List<Token> significant(ScriptStatement statement) {
        return statement.tokens().stream().filter(token -> !token.isComment()).toList();
    }

    static String word(List<Token> t, int k) {
        return k >= 0 && k < t.size() && t.get(k).kind() == TokenKind.WORD ? t.get(k).text().toUpperCase(Locale.ROOT)
                : "";
    }

    static int indexOf(List<Token> t, String keyword, int from) {
        for (int k = from; k < t.size(); k++) {
            if (t.get(k).isWord(keyword)) {
                return k;
            }
        }
        return -1;
    }

    /** The end (exclusive) of the ALTER TABLE action starting at {@code from}: the next top-level comma. */
    static int clauseEnd(List<Token> t, int from) {
        int depth = 0;
        for (int k = from; k < t.size(); k++) {
            TokenKind kind = t.get(k).kind();
            if (kind == TokenKind.OPEN_PAREN) {
                depth++;
            } else if (kind == TokenKind.CLOSE_PAREN) {
                depth--;
            } else if (depth == 0 && t.get(k).text().equals(",")) {
                return k;
            }
        }
        return t.size();
    }

    /** The tracked name of the (possibly schema-qualified) table name at {@code k}, or null. */
    static String name(List<Token> t, int k) {
        if (k >= t.size() || !t.get(k).isIdentifier()) {
            return null;
        }
        String first = t.get(k).identifier();
        if (k + 2 < t.size() && t.get(k + 1).text().equals(".") && t.get(k + 2).isIdentifier()) {
            return tableKey(first, t.get(k + 2).identifier());
        }
        return tableKey(null, first);
    }

    static int skipName(List<Token> t, int k) {
        return k + 2 < t.size() && t.get(k + 1).text().equals(".") ? k + 3 : k + 1;
    }
}
