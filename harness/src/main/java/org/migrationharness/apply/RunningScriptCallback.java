package org.migrationharness.apply;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Tells {@link RunningScripts} which up script Flyway is running, so a long step can be named while it runs. */
final class RunningScriptCallback implements Callback {

    private final String database;

    RunningScriptCallback(String database) {
        this.database = database;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return switch (event) {
            case BEFORE_EACH_MIGRATE, AFTER_EACH_MIGRATE, AFTER_EACH_MIGRATE_ERROR -> true;
            default -> false;
        };
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE && context.getMigrationInfo() != null) {
            RunningScripts.started(context.getMigrationInfo().getScript(), "up", database);
        } else {
            RunningScripts.finished();
        }
    }

    @Override
    public String getCallbackName() {
        return "migration-harness-running-scripts";
    }
}
