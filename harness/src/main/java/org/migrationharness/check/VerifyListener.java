package org.migrationharness.check;

import org.migrationharness.report.CheckResult;

/**
 * Hears a verification's progress, e.g. to show it on a console. Every method does nothing by default.
 * {@link Verifier#verifyAll(java.util.List, int)} calls it one call at a time, a set's calls together, in selection
 * order, from whichever thread verifies the set: an implementation needs no locking, but must not count on the
 * thread that called {@code verifyAll}.
 */
public interface VerifyListener {

    VerifyListener NONE = new VerifyListener() {
    };

    default void serviceStarted(String service, int migrations) {
    }

    /** A service's checks start; its set is in this format (as detected or configured). By default: the call above. */
    default void serviceStarted(String service, String format, int migrations) {
        serviceStarted(service, migrations);
    }

    default void checkStarted(String service, String check) {
    }

    default void checkFinished(String service, CheckResult result) {
    }
}
