package org.migrationharness.source.naming;

import java.nio.file.Path;
import java.util.function.Predicate;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;

/**
 * A baseline in {@code harness.yaml}: the version up to which (inclusive, as Flyway's {@code baselineVersion}) a set's
 * migrations are already in production and not held to some rules, so a team can adopt the harness on an old
 * history. {@code naming: {since: 41}} exempts them from the naming rules, {@code reversible-since: 41} from
 * {@code down.missing}; every migration after the baseline is held to the rules in full.
 *
 * @param since the version as written
 * @param key where it stands, as messages name it: {@code naming.since} or {@code reversible-since}
 * @param file the {@code harness.yaml} it stands in
 * @param line its 1-based line there, 0 when unknown
 */
public record Baseline(String since, String key, Path file, int line) {

    /** How messages name it: {@code naming.since: 41 in service-migrations/order/harness.yaml line 3}. */
    public String where() {
        return key + ": " + since + (file == null ? "" : " in " + DisplayPath.of(file) + (line > 0 ? " line " + line : ""));
    }

    /**
     * A baseline over one set's migrations: which versions it covers, as the set's format orders them.
     *
     * @param baseline the baseline, null for none
     * @param covers whether a version (as written in a file name) is at or before the baseline
     * @param migrations how many of the set's migrations it covers
     * @param label the baseline migration as the format labels it ({@code V41})
     */
    public record Scope(Baseline baseline, Predicate<String> covers, int migrations, String label) {

        /** No baseline: every migration is held to every rule. */
        public static final Scope NONE = new Scope(null, version -> false, 0, null);

        /** Whether there is a baseline. */
        public boolean present() {
            return baseline != null;
        }

        /** Whether the migration (its version as written; null for a repeatable) is at or before the baseline. */
        public boolean covers(String migration) {
            return baseline != null && migration != null && covers.test(migration);
        }

        /**
         * The info finding that opens a check's findings, pointing at the baseline's line: {@code 41 migrations up to
         * V41 are before the naming baseline (naming.since: 41) and <what>.\n<then>}.
         *
         * @param kind what kind of baseline, for the message ({@code naming }, or empty)
         */
        public Finding info(CheckId check, String kind, String what, String then) {
            return new Finding(check.id(), Severity.INFO, null,
                    baseline.file() == null ? null : DisplayPath.of(baseline.file()),
                    baseline.line() > 0 ? baseline.line() : null, migrations + (migrations == 1 ? " migration" : " migrations")
                    + " up to " + label + " " + (migrations == 1 ? "is" : "are") + " before the " + kind + "baseline ("
                    + baseline.key() + ": " + baseline.since() + ") and " + what + ".\n" + then + " ("
                    + baseline.where() + ").");
        }
    }
}
