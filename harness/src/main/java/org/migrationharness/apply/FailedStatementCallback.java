package org.migrationharness.apply;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Which statement of which script failed while Flyway migrated, through Flyway's public callback events: the script
 * Flyway started last, how many of its statements had run, and the text of the statement that failed. One instance
 * serves one {@code migrate()}.
 */
final class FailedStatementCallback implements Callback {

    /**
     * The statement that failed.
     *
     * @param script the script's file name
     * @param index the 0-based index of the statement among the script's statements as Flyway ran them
     * @param sent the statement's text as Flyway sent it to the server (without its delimiter)
     */
    record Failure(String script, int index, String sent) {
    }

    private String script;
    private int statements;
    private Failure failure;

    @Override
    public boolean supports(Event event, Context context) {
        return switch (event) {
            case BEFORE_EACH_MIGRATE, AFTER_EACH_MIGRATE_STATEMENT, AFTER_EACH_MIGRATE_STATEMENT_ERROR -> true;
            default -> false;
        };
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public synchronized void handle(Event event, Context context) {
        switch (event) {
            case BEFORE_EACH_MIGRATE -> {
                String path = context.getMigrationInfo() == null ? null : context.getMigrationInfo().getScript();
                script = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
                statements = 0;
                failure = null;
            }
            case AFTER_EACH_MIGRATE_STATEMENT -> statements++;
            case AFTER_EACH_MIGRATE_STATEMENT_ERROR -> {
                String sql = context.getStatement() == null ? null : context.getStatement().getSql();
                // Flyway's event carries the statement with its delimiter appended; the server got it without
                if (sql != null && sql.endsWith(";")) {
                    sql = sql.substring(0, sql.length() - 1);
                }
                failure = script == null ? null : new Failure(script, statements, sql);
            }
            default -> {
            }
        }
    }

    /** The statement that failed last, or null when none did in a migration's script. */
    synchronized Failure failure() {
        return failure;
    }

    @Override
    public String getCallbackName() {
        return "migration-harness-failed-statement";
    }
}
