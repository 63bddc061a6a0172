package org.migrationharness.check;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.migrationharness.CheckId;
import org.migrationharness.source.Migration;
import org.migrationharness.source.naming.Baseline;

/**
 * {@code lint}: the rules of {@link Lint} over the up scripts of the migrations new since the base
 * ({@link VerifyOptions#base()}: not on the base), or else after the set's naming baseline ({@code naming: since}).
 * Without either it is skipped: a set's old history is what production already runs, judging it would only repeat
 * what can no longer change. A set the base does not have judges nothing: none of its tables exists in production. Each finding carries its rule's id ({@code lint.index-not-concurrent}, ...).
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
        HistoryBase base = context.options().base();
        return base == null && !context.set().namingBaseline().present() ? NO_SCOPE : null;
    }

    @Override
    public void run(CheckContext context) {
        Lint.findings(context.set().migrations(), judged(context)).forEach(context::report);
    }

    private static Predicate<Migration> judged(CheckContext context) {
        HistoryBase base = context.options().base();
        if (base != null) {
            if (base.set() == null) {
                // a new set: production holds none of its tables yet, so no statement can lock one that is in use
                return migration -> false;
            }
            Set<String> old = new HashSet<>();
            base.set().migrations().forEach(m -> old.add(m.version().text()));
            return migration -> !old.contains(migration.version().text());
        }
        Baseline.Scope baseline = context.set().namingBaseline();
        return migration -> !baseline.covers(migration.version().text());
    }
}
