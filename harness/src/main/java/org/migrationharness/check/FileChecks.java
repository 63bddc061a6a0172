package org.migrationharness.check;

import org.migrationharness.report.CheckId;
import org.migrationharness.report.Finding;

/** {@code naming.file} and {@code order.duplicate-version}: what reading the folder found. */
final class FileChecks implements Check {

    private final CheckId id;

    FileChecks(CheckId id) {
        this.id = id;
    }

    @Override
    public CheckId id() {
        return id;
    }

    @Override
    public void run(CheckContext context) {
        for (Finding problem : context.set().problems()) {
            if (problem.check().equals(id.id())) {
                context.report(problem);
            }
        }
    }
}
