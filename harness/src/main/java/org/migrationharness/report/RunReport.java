package org.migrationharness.report;

import java.util.List;

/**
 * The whole run, as the JSON report of CONTRACT.md.
 *
 * @param tool always {@code migration-harness}
 * @param version the harness's version
 * @param postgres the server version the run used, e.g. {@code 17.6}
 * @param durationMs the run's wall time
 * @param services one report per service that was verified, in the order they were selected
 * @param interrupted whether the run was interrupted (Ctrl-C, SIGTERM) before every service was verified
 * @param notVerified the services an interrupted run did not finish, in selection order (empty otherwise)
 */
public record RunReport(String tool, String version, String postgres, long durationMs, List<ServiceReport> services,
                        boolean interrupted, List<String> notVerified) {

    public RunReport {
        services = List.copyOf(services);
        notVerified = notVerified == null ? List.of() : List.copyOf(notVerified);
    }

    /** A run that verified every selected service. */
    public RunReport(String tool, String version, String postgres, long durationMs, List<ServiceReport> services) {
        this(tool, version, postgres, durationMs, services, false, List.of());
    }

    /** Whether any service has an error finding or could not be verified. */
    public boolean failed() {
        return services.stream().anyMatch(s -> s.status() != ServiceReport.Status.PASSED);
    }
}
