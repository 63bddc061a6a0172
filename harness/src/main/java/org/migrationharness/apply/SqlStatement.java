package org.migrationharness.apply;

import org.migrationharness.sql.ScriptStatement;

/**
 * One statement of an SQL script.
 *
 * @param sql the statement's text, without the terminating semicolon
 * @param line the 1-based line where the statement starts (comments before it excluded), as Flyway counts
 * @param column the 1-based column of its first character in that line
 * @param written the statement exactly as written, with its semicolon: what is sent, as psql sends it
 */
public record SqlStatement(String sql, int line, int column, String written) {

    /** A statement that starts its line and is sent as {@code sql}. */
    public SqlStatement(String sql, int line) {
        this(sql, line, 1, sql);
    }

    /** Whether PostgreSQL refuses to run this statement inside a transaction block (decided on its tokens). */
    public boolean nonTransactional() {
        return ScriptStatement.of(sql).nonTransactional();
    }

    /** Whether it is a transaction control statement ({@code BEGIN}, {@code COMMIT}, {@code SAVEPOINT}, ...). */
    public boolean isTransactionControl() {
        return ScriptStatement.of(sql).isTransactionControl();
    }

    /** The same statement starting {@code lines} lines further down (a part of a larger script). */
    SqlStatement shifted(int lines) {
        return new SqlStatement(sql, line + lines, column, written);
    }
}
