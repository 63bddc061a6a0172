package org.migrationharness.check;

import java.util.Set;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;

/**
 * {@code risk.lock}, {@code risk.rewrite} and {@code risk.scan}: one check each over what {@link Stage#MEASURED}
 * measured once for the set ({@link RiskFindings} words the findings). Off unless {@code verify --risk} or
 * {@code risk: true}; then the migrations new since the base, or after the baseline, or else every one, are judged.
 */
final class RiskCheck implements Check {

    private final CheckId id;

    RiskCheck(CheckId id) {
        this.id = id;
    }

    @Override
    public CheckId id() {
        return id;
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
        return context.measured().skipReason();
    }

    @Override
    public void run(CheckContext context) {
        Measured measured = context.measured();
        RiskFindings.of(id, measured).forEach(context::report);
        if (id.equals(CheckId.RISK_LOCK)) {
            // what the rows were and where the measurement stopped: once, with the first of the three
            measured.notes().forEach(note -> context.report(new Finding(id, Severity.INFO, null, null, null, note)));
        }
    }
}
