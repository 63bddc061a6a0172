package org.migrationharness.check;

import org.migrationharness.report.CheckId;
import org.migrationharness.source.MigrationSet;

/**
 * {@code down.apply}, {@code down.leaves-trace} and {@code up.reapply-differs}: each reads its findings from the one
 * step-by-step walk ({@link StepwiseWalk}), which the first of them runs.
 */
final class StepCheck implements Check {

    private final CheckId id;

    StepCheck(CheckId id) {
        this.id = id;
    }

    @Override
    public CheckId id() {
        return id;
    }

    @Override
    public String skipReason(CheckContext context) {
        if (context.set().forwardOnly()) {
            return MigrationSet.FORWARD_ONLY;
        }
        if (context.migrated() == null) {
            return CheckContext.UP_APPLY_FAILED;
        }
        return context.set().migrations().stream().anyMatch(m -> m.reversible()) ? null : "no migration has a down script";
    }

    @Override
    public void run(CheckContext context) {
        context.stepwise().of(id).forEach(context::report);
    }
}
