package org.migrationharness.apply;

import java.nio.file.Path;
import java.sql.SQLException;

import org.migrationharness.source.Timeouts;

/** The message of a failed statement, the same in every format: file, line, the server's words, the statement. */
final class ScriptErrors {

    private ScriptErrors() {
    }

    static String sqlError(Path file, int line, SQLException e, String statement, Timeouts timeouts) {
        return sqlError(file == null ? null : file.getFileName().toString(), line, e, statement, timeouts);
    }

    /** As {@link #sqlError(Path, int, SQLException, String, Timeouts)}, the file shown as {@code shown}. */
    static String sqlError(String shown, int line, SQLException e, String statement, Timeouts timeouts) {
        String serverMessage = (e == null ? "unknown error" : e.getMessage()).strip();
        String state = e == null || e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")";
        String firstLine = statement == null ? "" : statement.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("--")).findFirst().orElse("");
        if (firstLine.length() > 120) {
            firstLine = firstLine.substring(0, 117) + "...";
        }
        String where = shown == null ? "" : shown + " line " + line + ": ";
        String shownStatement = firstLine.isEmpty() ? "" : "\nStatement: " + firstLine;
        String timeout = ScriptTimeouts.explain(e, timeouts);
        if (timeout != null) {
            return where + timeout + "\nServer: " + serverMessage + state + shownStatement;
        }
        return where + serverMessage + state + shownStatement;
    }
}
