package org.migrationharness.apply;

import java.nio.file.Path;
import java.sql.SQLException;

import org.migrationharness.source.Timeouts;

/**
 * The message of a failed statement, the same in every format: file, the line (and column) of the error, the server's
 * words, the statement and the line it starts on; for a statement refused inside a transaction, how to declare the
 * script as one that runs outside one.
 */
final class ScriptErrors {

    /** SQL state {@code active_sql_transaction}: the statement cannot run inside a transaction block. */
    private static final String ACTIVE_SQL_TRANSACTION = "25001";

    private ScriptErrors() {
    }

    static String sqlError(Path file, ErrorPlace place, SQLException e, String statement, Timeouts timeouts,
                           String outsideTransaction) {
        return sqlError(file == null ? null : file.getFileName().toString(), place, e, statement, timeouts,
                outsideTransaction);
    }

    /**
     * @param shown how the file is named in the message
     * @param outsideTransaction how this format declares a script that runs outside a transaction, or null when the
     *     script did not run in one the tool (or the harness) opened
     */
    static String sqlError(String shown, ErrorPlace place, SQLException e, String statement, Timeouts timeouts,
                           String outsideTransaction) {
        // the server's "Position: 99" counts characters of the query sent; the line and column say it in the file
        String serverMessage = (e == null ? "unknown error" : e.getMessage()).replaceAll("\\n\\s*Position: \\d+", "")
                .strip();
        String state = e == null || e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")";
        String firstLine = statement == null ? "" : statement.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("--")).findFirst().orElse("");
        if (firstLine.length() > 120) {
            firstLine = firstLine.substring(0, 117) + "...";
        }
        String where = shown == null ? "" : shown + " " + place.describe() + ": ";
        String startsAt = place.statementLine() != place.line() ? " (line " + place.statementLine() + ")" : "";
        String shownStatement = firstLine.isEmpty() ? "" : "\nStatement" + startsAt + ": " + firstLine;
        String timeout = ScriptTimeouts.explain(e, timeouts);
        if (timeout != null) {
            return where + timeout + "\nServer: " + serverMessage + state + shownStatement;
        }
        String transaction = "";
        if (outsideTransaction != null && e != null && ACTIVE_SQL_TRANSACTION.equals(e.getSQLState())) {
            transaction = "\nThis statement cannot run inside the transaction the script runs in. If the script must run"
                    + " outside a transaction (its own BEGIN, SET TRANSACTION ISOLATION LEVEL, CONCURRENTLY), declare it: "
                    + outsideTransaction + ".";
        }
        return where + serverMessage + state + shownStatement + transaction;
    }
}
