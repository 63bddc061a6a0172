package org.migrationharness.check;

import java.util.Set;
import org.migrationharness.CheckId;

/**
 * {@code down.apply}, {@code down.leaves-trace} and {@code up.reapply-differs}: each reads its findings from the one
 * step-by-step walk ({@link Stage#STEP_WALK}), walked once for all three.
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
    public Set<Stage> needs() {
        return Set.of(Stage.STEP_WALK);
    }

    /** Why the walk did not run: a forward-only set, up.apply failed, no migration has a down script. */
    @Override
    public String skipReason(CheckContext context) {
        return context.stepWalk().skipReason();
    }

    @Override
    public void run(CheckContext context) {
        context.stepWalk().of(id).forEach(context::report);
    }
}
