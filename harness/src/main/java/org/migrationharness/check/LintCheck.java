package org.migrationharness.check;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.source.Migration;

/**
 * {@code lint}: the rules of {@link Lint} over the up scripts of the migrations new since the base
 * ({@link VerifyOptions#base()}: not on the base), or else after the set's naming baseline ({@code naming: since}).
 * Without either it is skipped: a set's old history is what production already runs, judging it would only repeat
 * what can no longer change. A set the base does not have judges nothing: none of its tables exists in production.
 * Each finding carries its rule's id ({@code lint.index-not-concurrent}, ...). With the risk checks on, a finding about a
 * lock, scan or rewrite says whether the measurement with rows confirms it ({@link RiskFindings#evidence}).
 */
final class LintCheck implements Check {

    /** The skip reason when there is nothing new to judge against. */
    static final String NO_SCOPE = "only new migrations are judged: no base given (--base REF or --base-dir DIR)"
            + " and no baseline (naming: since)";

    @Override
    public CheckId id() {
        return CheckId.LINT;
    }

    @Override
    public String skipReason(CheckContext context) {
        return NewMigrations.scoped(context.set(), context.options()) ? null : NO_SCOPE;
    }

    /** The measurement, when the risk checks are on: each finding then says whether it confirms the rule. */
    @Override
    public Set<Stage> needs() {
        return Set.of(Stage.MEASURED);
    }

    @Override
    public void run(CheckContext context) {
        List<Finding> findings = Lint.findings(context.set().migrations(), judged(context));
        Measured measured = findings.isEmpty() || !context.set().config().risk().on() ? null : context.measured();
        for (Finding finding : findings) {
            String evidence = measured == null || measured.skipReason() != null ? null
                    : RiskFindings.evidence(measured, finding);
            context.report(evidence == null ? finding : new Finding(finding.check(), finding.severity(),
                    finding.migration(), finding.file(), finding.line(), finding.message() + "\n" + evidence));
        }
    }

    private static Predicate<Migration> judged(CheckContext context) {
        return NewMigrations.judged(context.set(), context.options(), migration -> false);
    }
}
