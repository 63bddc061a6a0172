package org.migrationharness.report;

import java.util.List;

/**
 * The whole run, as the JSON report of CONTRACT.md.
 *
 * @param tool always {@code migration-harness}
 * @param version the harness's version
 * @param postgres the server version the run used, e.g. {@code 17.6}
 * @param durationMs the run's wall time
 * @param services one report per service, in the order they were selected
 */
public record RunReport(String tool, String version, String postgres, long durationMs, List<ServiceReport> services) {

    public RunReport {
        services = List.copyOf(services);
    }

    /** Whether any service has an error finding or could not be verified. */
    public boolean failed() {
        return services.stream().anyMatch(s -> s.status() != ServiceReport.Status.PASSED);
    }
}
