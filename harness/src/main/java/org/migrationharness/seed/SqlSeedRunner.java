package org.migrationharness.seed;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.apply.SqlScript;
import org.migrationharness.apply.SqlStatement;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.seed.SeedFile.SqlFile;

/**
 * Runs an SQL seed file statement by statement on the load's connection, split like migrations. Refuses, before
 * running any of the file's statements, transaction control, statements that cannot run in a transaction, DELETE and
 * TRUNCATE. Counts the rows of each {@code INSERT INTO t} and {@code UPDATE t} into the load's tally.
 */
final class SqlSeedRunner {

    private static final Pattern INSERT = Pattern.compile("(?is)^INSERT\\s+INTO\\s+((?:\"[^\"]+\"|[A-Za-z0-9_$]+)(?:\\.(?:\"[^\"]+\"|[A-Za-z0-9_$]+))?)");
    private static final Pattern UPDATE = Pattern.compile("(?is)^UPDATE\\s+(?:ONLY\\s+)?((?:\"[^\"]+\"|[A-Za-z0-9_$]+)(?:\\.(?:\"[^\"]+\"|[A-Za-z0-9_$]+))?)");
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?is)^(BEGIN|COMMIT|ROLLBACK|START\\s+TRANSACTION|END|SAVEPOINT|RELEASE|ABORT|PREPARE\\s+TRANSACTION)\\b.*");
    private static final Pattern DESTRUCTIVE = Pattern.compile("(?is)^(DELETE\\s+FROM|TRUNCATE)\\b.*");

    private final Connection connection;
    private final String defaultSchema;
    private final SeedListener listener;
    private final Map<String, TableCount> counts;

    /**
     * @param defaultSchema the schema of unqualified table names in the counts
     * @param counts the load's counts per table, in order of first mention; this runner adds to them
     */
    SqlSeedRunner(Connection connection, String defaultSchema, SeedListener listener, Map<String, TableCount> counts) {
        this.connection = connection;
        this.defaultSchema = defaultSchema;
        this.listener = listener;
        this.counts = counts;
    }

    /** Runs the file's statements. */
    void run(SqlFile sql) {
        Path file = sql.file();
        listener.fileStarted(file, null);
        List<SqlStatement> statements = SqlScript.split(sql.text());
        for (SqlStatement statement : statements) {
            String text = withoutLeadingComments(statement.sql());
            if (TRANSACTION_CONTROL.matcher(text).matches()) {
                throw input(file, statement.line(), "'" + firstLine(text) + "' controls the transaction, but the "
                        + "seed loader runs every file of a load in one transaction.\nRemove it.");
            }
            if (statement.nonTransactional()) {
                throw input(file, statement.line(), "'" + firstLine(text) + "' cannot run inside a transaction, "
                        + "and the seed loader runs every file of a load in one.\nMove it into a migration.");
            }
            if (DESTRUCTIVE.matcher(text).matches()) {
                throw input(file, statement.line(), "'" + firstLine(text) + "' deletes rows, and seeds never "
                        + "delete or truncate.\nRemove it; make the inserts idempotent instead (INSERT ... ON CONFLICT DO NOTHING).");
            }
        }
        Map<String, TableCount> fileCounts = new LinkedHashMap<>();
        for (SqlStatement statement : statements) {
            String text = withoutLeadingComments(statement.sql());
            try (Statement jdbc = connection.createStatement()) {
                jdbc.execute(statement.sql());
                long changed = Math.max(0, jdbc.getLargeUpdateCount());
                Matcher insert = INSERT.matcher(text);
                Matcher update = UPDATE.matcher(text);
                if (insert.find()) {
                    String table = qualify(insert.group(1));
                    fileCounts.merge(table, new TableCount(table, changed, 0, 0), TableCount::plus);
                } else if (update.find()) {
                    String table = qualify(update.group(1));
                    fileCounts.merge(table, new TableCount(table, 0, changed, 0), TableCount::plus);
                }
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")";
                throw new HarnessException(ErrorCode.MIGRATION_FAILED, DisplayPath.of(file) + " line "
                        + statement.line() + ": " + e.getMessage().strip() + state + "\nStatement: "
                        + firstLine(text) + "\nFix the statement; nothing of this load was kept.", file,
                        statement.line(), e);
            }
        }
        fileCounts.values().forEach(c -> counts.merge(c.table(), c, TableCount::plus));
        listener.fileFinished(file, List.copyOf(fileCounts.values()));
    }

    private String qualify(String name) {
        String clean = name.replace("\"", "");
        return clean.contains(".") ? clean : defaultSchema + "." + clean;
    }

    private static String withoutLeadingComments(String sql) {
        return sql.replaceAll("(?s)^(\\s*(--[^\n]*\n|/\\*.*?\\*/))*\\s*", "");
    }

    private static String firstLine(String sql) {
        String line = sql.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        return line.length() > 100 ? line.substring(0, 97) + "..." : line;
    }

    private static HarnessException input(Path file, int line, String message) {
        return new HarnessException(ErrorCode.INPUT, DisplayPath.of(file) + (line > 0 ? " line " + line : "") + ": "
                + message, file, line, null);
    }
}
