package org.migrationharness.check;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.naming.Baseline;

/**
 * Which migrations the checks that judge only what production has not run yet (lint, the measured risk checks) judge:
 * those not on the base ({@link VerifyOptions#base()}), or else those after the set's naming baseline
 * ({@code naming: since}). A set the base does not have judges none: none of its tables is in production yet.
 */
final class NewMigrations {

    private NewMigrations() {
    }

    /** Whether there is a base or a baseline to tell new migrations from old ones. */
    static boolean scoped(MigrationSet set, VerifyOptions options) {
        return options.base() != null || set.namingBaseline().present();
    }

    /**
     * The migrations judged: new since the base, else after the baseline, else {@code unscoped} (lint: none, as
     * it is skipped; the risk checks, turned on by the user: every one).
     */
    static Predicate<Migration> judged(MigrationSet set, VerifyOptions options, Predicate<Migration> unscoped) {
        HistoryBase base = options.base();
        if (base != null) {
            if (base.set() == null) {
                return migration -> false;
            }
            Set<String> old = new HashSet<>();
            base.set().migrations().forEach(m -> old.add(m.version().text()));
            return migration -> !old.contains(migration.version().text());
        }
        Baseline.Scope baseline = set.namingBaseline();
        if (baseline.present()) {
            return migration -> !baseline.covers(migration.version().text());
        }
        return unscoped;
    }
}
