package org.migrationharness.check;

import org.migrationharness.report.CheckResult;

/** Hears a verification's progress, e.g. to show it on a console. Every method does nothing by default. */
public interface VerifyListener {

    VerifyListener NONE = new VerifyListener() {
    };

    default void serviceStarted(String service, int migrations) {
    }

    default void checkStarted(String service, String check) {
    }

    default void checkFinished(String service, CheckResult result) {
    }
}
