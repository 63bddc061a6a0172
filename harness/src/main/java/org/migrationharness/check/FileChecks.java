package org.migrationharness.check;

import org.migrationharness.CheckId;

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
        context.set().problems(id).forEach(context::report);
    }
}
