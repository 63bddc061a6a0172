package org.migrationharness.check;

import java.util.List;
import java.util.Set;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;

/**
 * A check over what {@link Stage#MEASURED} measured once for the set: off unless {@code verify --risk} or
 * {@code risk: true}; then skipped with the measurement's own reason (up.apply failed, nothing new), else it reports
 * {@link #findings(Measured)}.
 */
abstract class MeasuredCheck implements Check {

    private final CheckId id;

    MeasuredCheck(CheckId id) {
        this.id = id;
    }

    @Override
    public final CheckId id() {
        return id;
    }

    @Override
    public final Set<Stage> needs() {
        return Set.of(Stage.MEASURED);
    }

    @Override
    public String skipReason(CheckContext context) {
        return context.set().config().risk().on() ? context.measured().skipReason() : RiskWalk.OFF;
    }

    @Override
    public final void run(CheckContext context) {
        findings(context.measured()).forEach(context::report);
    }

    /** What this check finds in the measurement, in the order of the migrations. */
    abstract List<Finding> findings(Measured measured);
}
