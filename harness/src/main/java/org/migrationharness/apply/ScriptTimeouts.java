package org.migrationharness.apply;

import java.sql.SQLException;
import java.time.Duration;

import org.migrationharness.source.Timeouts;

/** Recognises a statement the server cancelled for a timeout, and says which setting to raise. */
final class ScriptTimeouts {

    private static final String QUERY_CANCELED = "57014";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private ScriptTimeouts() {
    }

    /**
     * The explanation to put first in the finding when {@code e} is a statement or lock timeout, else null.
     *
     * @param timeouts the effective timeouts the script ran with
     */
    static String explain(SQLException e, Timeouts timeouts) {
        if (e == null || e.getMessage() == null) {
            return null;
        }
        if (QUERY_CANCELED.equals(e.getSQLState()) && e.getMessage().contains("statement timeout")) {
            return describe("ran longer than the statement timeout", timeouts.statement(), Timeouts.STATEMENT_KEY,
                    "If it really needs longer");
        }
        if (LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && e.getMessage().contains("lock timeout")) {
            return describe("waited longer than the lock timeout for a lock that another session holds",
                    timeouts.lock(), Timeouts.LOCK_KEY, "Find what holds the lock; if the wait is expected");
        }
        return null;
    }

    private static String describe(String what, Duration limit, String key, String advice) {
        String shown = Timeouts.format(limit);
        String raised = Timeouts.format(limit.multipliedBy(4));
        return "timed out: the statement " + what + " (" + shown + ") and was cancelled by the server.\n" + advice
                + ", raise it: --" + key + " " + raised + ", or " + key + ": " + raised + " in harness.yaml (0 = no limit).";
    }
}
