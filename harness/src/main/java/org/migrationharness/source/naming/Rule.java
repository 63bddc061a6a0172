package org.migrationharness.source.naming;

import java.util.Collection;
import java.util.regex.Pattern;

import org.migrationharness.Severity;

/**
 * A rule as it applies to one service: its defaults, overridden by {@code harness-defaults.yaml}, overridden by the
 * service's {@code harness.yaml}.
 *
 * @param rule the rule
 * @param enabled whether it runs
 * @param pattern its pattern, or null for a rule without one
 * @param severity the severity of its findings
 * @param acceptGenerated whether names PostgreSQL generates pass
 */
public record Rule(NamingRule rule, boolean enabled, String pattern, Severity severity, boolean acceptGenerated) {

    /** The pattern with {@code {table}} replaced by {@code table} (as written, for messages). */
    public String expected(String table) {
        return pattern == null ? null : pattern.replace("{table}", table == null ? "" : table);
    }

    /** Whether {@code name} matches the pattern for one of the given tables (a partition matches for its parent too). */
    public boolean matches(String name, Collection<String> tables) {
        if (pattern == null) {
            return true;
        }
        if (!pattern.contains("{table}")) {
            return Pattern.matches(pattern, name);
        }
        for (String table : tables) {
            if (Pattern.matches(pattern.replace("{table}", Pattern.quote(table)), name)) {
                return true;
            }
        }
        return false;
    }
}
