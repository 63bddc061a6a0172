package org.migrationharness.check;

import org.migrationharness.report.CheckId;

/** One check of a service. It reports findings to the context; an error finding fails it. */
interface Check {

    CheckId id();

    /** Why this check cannot run now (a check it needs failed), or null when it can. */
    default String skipReason(CheckContext context) {
        return null;
    }

    void run(CheckContext context);
}
