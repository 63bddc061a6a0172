package org.migrationharness.apply;

import org.migrationharness.sql.ScriptStatement;

/**
 * One statement of an SQL script.
 *
 * @param sql the statement's text, without the terminating semicolon
 * @param line the 1-based line where the statement starts (comments before it excluded), as Flyway counts
 */
public record SqlStatement(String sql, int line) {

    /** Whether PostgreSQL refuses to run this statement inside a transaction block (decided on its tokens). */
    public boolean nonTransactional() {
        return ScriptStatement.of(sql).nonTransactional();
    }

    /** Whether it is a transaction control statement ({@code BEGIN}, {@code COMMIT}, {@code SAVEPOINT}, ...). */
    public boolean isTransactionControl() {
        return ScriptStatement.of(sql).isTransactionControl();
    }
}
