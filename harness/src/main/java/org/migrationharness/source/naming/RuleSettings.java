package org.migrationharness.source.naming;

import org.migrationharness.Severity;

/**
 * What one configuration file says about one rule; null means "not said here" (the defaults apply).
 *
 * @param enabled whether the rule runs
 * @param pattern the regular expression a name must match as a whole ({@code {table}} stands for its table's name)
 * @param severity the severity of the rule's findings
 * @param acceptGenerated whether the names PostgreSQL generates ({@code orders_pkey}, {@code orders_email_key}) pass
 */
public record RuleSettings(Boolean enabled, String pattern, Severity severity, Boolean acceptGenerated) {

    /** This file's settings, with what it leaves unsaid taken from {@code fallback}. */
    RuleSettings over(RuleSettings fallback) {
        if (fallback == null) {
            return this;
        }
        return new RuleSettings(enabled != null ? enabled : fallback.enabled, pattern != null ? pattern : fallback.pattern,
                severity != null ? severity : fallback.severity,
                acceptGenerated != null ? acceptGenerated : fallback.acceptGenerated);
    }
}
