package org.migrationharness.check;

import java.util.List;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.source.MigrationSet;

/**
 * {@code data.rollback-loss}: the rows present before each new migration's up, compared with those after its down
 * ({@link Stage#MEASURED}); a warning by default, since a reviewer must see it but it may be intended. A forward-only
 * set has no down to judge.
 */
final class RollbackLossCheck extends MeasuredCheck {

    RollbackLossCheck() {
        super(CheckId.DATA_ROLLBACK_LOSS);
    }

    @Override
    public String skipReason(CheckContext context) {
        String reason = super.skipReason(context);
        return reason == null && context.set().forwardOnly() ? MigrationSet.FORWARD_ONLY : reason;
    }

    @Override
    List<Finding> findings(Measured measured) {
        return RiskFindings.losses(measured);
    }
}
