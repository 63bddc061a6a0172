package org.migrationharness.naming;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.migrationharness.internal.DisplayPath;
import org.migrationharness.report.CheckId;
import org.migrationharness.report.Finding;
import org.migrationharness.report.Severity;

/**
 * Collects one check's naming findings: each at its rule's severity, or as {@code info} with the reason when the
 * object is suppressed; at the end, a warning for each suppression of the check's rules that matched nothing.
 */
public final class NamingReport {

    private final NamingConfig config;
    private final CheckId check;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<Suppression> used = new HashSet<>();

    public NamingReport(NamingConfig config, CheckId check) {
        this.config = config;
        this.check = check;
    }

    /** The rule as it applies, for the caller to see whether it runs. */
    public Rule rule(NamingRule rule) {
        return config.rule(rule);
    }

    /**
     * Reports that {@code object} breaks {@code rule}.
     *
     * @param object the object as written in a suppression, e.g. {@code index order_service.orders_status}
     * @param message what was expected and found, then the fix
     */
    public void report(NamingRule rule, String object, String migration, String file, Integer line, String message) {
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
        findings.add(new Finding(check.id(), settings.severity(), migration, file, line, message));
    }

    /** The findings, then a warning for each stale suppression of this check's rules. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>(findings);
        for (Suppression s : config.suppressions()) {
            if (s.rule().check() != check || used.contains(s)) {
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
