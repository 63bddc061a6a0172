package org.migrationharness.check;

import java.util.ArrayList;
import java.util.List;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;

/**
 * {@code risk.lock}, {@code risk.rewrite} and {@code risk.scan}: one check each over the measurement
 * ({@link RiskFindings} words the findings). The measurement's notes (where the rows came from, tables left empty,
 * where it stopped) come once, as information of {@code risk.lock}.
 */
final class RiskCheck extends MeasuredCheck {

    RiskCheck(CheckId id) {
        super(id);
    }

    @Override
    List<Finding> findings(Measured measured) {
        List<Finding> findings = new ArrayList<>(RiskFindings.of(id(), measured));
        if (id().equals(CheckId.RISK_LOCK)) {
            measured.notes().forEach(note -> findings.add(new Finding(id(), Severity.INFO, null, null, null, note)));
        }
        return findings;
    }
}
