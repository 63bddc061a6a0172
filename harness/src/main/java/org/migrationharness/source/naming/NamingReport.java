package org.migrationharness.source.naming;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;

/**
 * Collects one check's naming findings: each at its rule's severity, or as {@code info} with the reason when the
 * object is suppressed, or left out when it is before the baseline; at the end, a warning for each suppression of the
 * check's rules that matched nothing.
 */
public final class NamingReport {

    private final NamingConfig config;
    private final CheckId check;
    private final Baseline.Scope baseline;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<Suppression> used = new HashSet<>();
    private int leftOut;

    public NamingReport(NamingConfig config, CheckId check, Baseline.Scope baseline) {
        this.config = config;
        this.check = check;
        this.baseline = baseline;
    }

    /** The rule as it applies, for the caller to see whether it runs. */
    public Rule rule(NamingRule rule) {
        return config.rule(rule);
    }

    /**
     * Reports that {@code object} breaks {@code rule}, unless {@code migration} is at or before the baseline.
     *
     * @param object the object as written in a suppression, e.g. {@code index order_service.orders_status}
     * @param migration the version of the migration the object or file belongs to
     * @param message what was expected and found, then the fix
     */
    public void report(NamingRule rule, String object, String migration, String file, Integer line, String message) {
        report(rule, object, migration, file, line, message, baseline.covers(migration));
    }

    /**
     * Reports that {@code object} breaks {@code rule}, unless it is before the baseline (then it is only counted).
     * A suppression still applies to an object before the baseline, so it is not reported stale.
     *
     * @param beforeBaseline whether the object (or file) dates from a migration at or before the baseline
     */
    public void report(NamingRule rule, String object, String migration, String file, Integer line, String message,
                       boolean beforeBaseline) {
        Rule settings = config.rule(rule);
        if (!settings.enabled()) {
            return;
        }
        var suppression = config.suppression(rule, object);
        if (suppression.isPresent()) {
            used.add(suppression.get());
            String first = message.lines().findFirst().orElse(message);
            findings.add(new Finding(check.id(), Severity.INFO, migration, file, line, first + "\nSuppressed in "
                    + DisplayPath.of(suppression.get().file()) + ": " + suppression.get().reason()));
            return;
        }
        if (beforeBaseline) {
            leftOut++;
            return;
        }
        findings.add(new Finding(check.id(), settings.severity(), migration, file, line, message));
    }

    /**
     * The findings: first, when there is a baseline, an info line saying what it leaves out ({@code what}: e.g.
     * {@code their file names are not checked}); then the findings; then a warning for each stale suppression.
     */
    public List<Finding> findings(String what) {
        List<Finding> all = new ArrayList<>();
        if (baseline.present()) {
            all.add(baseline.info(check, "naming ", what + ": " + leftOut + (leftOut == 1 ? " finding" : " findings")
                    + " left out", "Move the baseline forward as old names are fixed"));
        }
        all.addAll(findings());
        return all;
    }

    /** The findings, then a warning for each stale suppression of this check's rules. */
    private List<Finding> findings() {
        List<Finding> all = new ArrayList<>(findings);
        for (Suppression s : config.suppressions()) {
            if (!s.rule().check().equals(check) || used.contains(s)) {
                continue;
            }
            String where = DisplayPath.of(s.file());
            String why = config.rule(s.rule()).enabled()
                    ? "matches nothing: the object is gone, renamed, or now follows the rule."
                    : "has no effect: the rule is off.";
            all.add(new Finding(check.id(), Severity.WARNING, null, where, s.line() > 0 ? s.line() : null,
                    "Stale suppression: rule " + s.rule().id() + " for \"" + s.object() + "\" (reason: " + s.reason()
                            + ") " + why + "\nRemove it from naming.suppress in " + where + "."));
        }
        return all;
    }
}
