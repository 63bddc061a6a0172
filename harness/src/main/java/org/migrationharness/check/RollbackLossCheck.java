package org.migrationharness.check;

import java.util.Set;

import org.migrationharness.CheckId;
import org.migrationharness.source.MigrationSet;

/**
 * {@code data.rollback-loss}: the rows present before each new migration's up, compared with those after its down
 * ({@link Stage#MEASURED}); a warning by default, since a reviewer must see it but it may be intended.
 */
final class RollbackLossCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.DATA_ROLLBACK_LOSS;
    }

    @Override
    public Set<Stage> needs() {
        return Set.of(Stage.MEASURED);
    }

    @Override
    public String skipReason(CheckContext context) {
        if (!context.set().config().risk().on()) {
            return RiskWalk.OFF;
        }
        if (context.set().forwardOnly()) {
            return MigrationSet.FORWARD_ONLY;
        }
        return context.measured().skipReason();
    }

    @Override
    public void run(CheckContext context) {
        RiskFindings.losses(context.measured()).forEach(context::report);
    }
}
