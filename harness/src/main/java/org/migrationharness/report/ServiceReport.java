package org.migrationharness.report;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import org.migrationharness.Finding;
import org.migrationharness.Severity;

/**
 * Everything verify found for one service (or one migrations folder).
 *
 * @param service the service name (the folder's name for {@code --migrations DIR})
 * @param format the migration format, e.g. {@code flyway}
 * @param migrations how many versioned migrations the set holds
 * @param status passed, failed (an error finding) or error (the set could not be verified at all)
 * @param checks each check's outcome, in the order they ran
 * @param findings every finding, in the order they were found
 * @param config the {@code harness.yaml} the set was configured with, as the report shows paths; null when there was
 *        none (every setting at its default)
 * @param schemaChange what the change since the base does to the schema (the Markdown report shows it); null without a
 *        base; not in the JSON report
 */
public record ServiceReport(String service, String format, int migrations, Status status, List<CheckResult> checks,
                            List<Finding> findings, String config,
                            @com.fasterxml.jackson.annotation.JsonIgnore SchemaChange schemaChange) {

    public ServiceReport {
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
    }

    /** A report without a schema change (no base). */
    public ServiceReport(String service, String format, int migrations, Status status, List<CheckResult> checks,
                         List<Finding> findings, String config) {
        this(service, format, migrations, status, checks, findings, config, null);
    }

    /** A report of a set configured by no file. */
    public ServiceReport(String service, String format, int migrations, Status status, List<CheckResult> checks,
                         List<Finding> findings) {
        this(service, format, migrations, status, checks, findings, null);
    }

    /** The outcome for a service. */
    public enum Status {
        PASSED, FAILED, ERROR;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public long errorCount() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warningCount() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /** The skipped checks by reason, in the order they ran: {@code no seeds folder -> [seed.load, ...]}. */
    public java.util.Map<String, List<String>> skippedByReason() {
        java.util.Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
        for (CheckResult check : checks) {
            if (check.status() == CheckResult.Status.SKIPPED) {
                byReason.computeIfAbsent(check.reason() == null ? "no reason given" : check.reason(),
                        r -> new java.util.ArrayList<>()).add(check.check());
            }
        }
        return byReason;
    }
}
