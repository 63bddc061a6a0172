package org.migrationharness.check;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.report.CheckId;
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.Finding;
import org.migrationharness.report.RunReport;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.report.Severity;
import org.migrationharness.source.MigrationSet;

/**
 * Runs every check on migration sets, on one server. A check that cannot run because one it needs failed is
 * skipped, and every other check still runs: one run reports every defect, not only the first.
 */
public final class Verifier {

    private final PostgresServer server;
    private final VerifyListener listener;

    public Verifier(PostgresServer server, VerifyListener listener) {
        this.server = server;
        this.listener = listener == null ? VerifyListener.NONE : listener;
    }

    public Verifier(PostgresServer server) {
        this(server, VerifyListener.NONE);
    }

    /** The checks, in the order they run. */
    public static List<CheckId> checkIds() {
        return checks().stream().map(Check::id).toList();
    }

    private static List<Check> checks() {
        return List.of(
                new FileChecks(CheckId.NAMING_FILE),
                new FileChecks(CheckId.ORDER_DUPLICATE_VERSION),
                new DownMissingCheck(),
                new UpApplyCheck(),
                new ExpectedSchemaCheck(),
                new NamingObjectCheck(),
                new StepCheck(CheckId.DOWN_APPLY),
                new StepCheck(CheckId.DOWN_LEAVES_TRACE),
                new StepCheck(CheckId.UP_REAPPLY_DIFFERS),
                new ChainCheck(),
                new RemigrateCheck(),
                new SeedLoadCheck(),
                new SeedIdempotencyCheck());
    }

    /**
     * Verifies several sets and reports the whole run. When the run is interrupted ({@link PostgresServer#interrupt()})
     * it stops at once: the report holds the services that finished, names those that did not, and says so.
     */
    public RunReport verifyAll(List<Target> targets) {
        long start = System.nanoTime();
        List<ServiceReport> reports = new ArrayList<>();
        List<String> notVerified = new ArrayList<>();
        for (Target target : targets) {
            ServiceReport report = server.isInterrupted() ? null : verify(target.set(), target.options());
            if (server.isInterrupted()) {
                notVerified.add(target.set().name()); // its checks were cut short: no verdict
            } else {
                reports.add(report);
            }
        }
        return new RunReport("migration-harness", harnessVersion(), server.version(),
                (System.nanoTime() - start) / 1_000_000, reports, server.isInterrupted(), notVerified);
    }

    /** Verifies one set. */
    public ServiceReport verify(MigrationSet set, VerifyOptions options) {
        listener.serviceStarted(set.name(), set.format(), set.migrations().size());
        List<CheckResult> results = new ArrayList<>();
        ServiceReport.Status status = ServiceReport.Status.PASSED;
        CheckContext context = new CheckContext(set, server, options == null ? VerifyOptions.defaults() : options);
        try (context) {
            for (Check check : checks()) {
                if (server.isInterrupted()) {
                    break;
                }
                listener.checkStarted(set.name(), check.id().id());
                long start = System.nanoTime();
                CheckResult.Status outcome;
                String skip = reason(check.skipReason(context), context, results);
                if (skip != null) {
                    outcome = CheckResult.Status.SKIPPED;
                } else {
                    int before = context.findings().size();
                    try {
                        check.run(context);
                    } catch (HarnessException e) {
                        if (e.code() == ErrorCode.ENVIRONMENT) {
                            status = ServiceReport.Status.ERROR;
                        }
                        context.report(new Finding(check.id().id(), Severity.ERROR, null, null, null,
                                "The check could not run: " + e.getMessage()));
                    }
                    boolean failed = context.findings().subList(before, context.findings().size()).stream()
                            .anyMatch(f -> f.severity() == Severity.ERROR);
                    outcome = failed ? CheckResult.Status.FAILED : CheckResult.Status.PASSED;
                }
                if (server.isInterrupted()) {
                    break; // cut short: no verdict
                }
                CheckResult result = new CheckResult(check.id().id(), outcome, (System.nanoTime() - start) / 1_000_000,
                        skip);
                results.add(result);
                listener.checkFinished(set.name(), result);
            }
        } catch (HarnessException e) {
            // dropping the service's databases failed; PostgresServer.close() tries again and names any it cannot drop
        }
        boolean errors = context.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        if (status == ServiceReport.Status.PASSED && errors) {
            status = ServiceReport.Status.FAILED;
        }
        return new ServiceReport(set.name(), set.format(), set.migrations().size(), status, results, context.findings(),
                set.config().file() == null ? null : DisplayPath.of(set.config().file()));
    }

    /**
     * A check's skip reason as the report shows it: {@link CheckContext#UP_APPLY_FAILED} says where up stopped
     * ({@code up.apply failed at V3}), or why up.apply itself did not run.
     */
    private static String reason(String skip, CheckContext context, List<CheckResult> results) {
        if (!CheckContext.UP_APPLY_FAILED.equals(skip)) {
            return skip;
        }
        return results.stream().filter(r -> r.check().equals(CheckId.UP_APPLY.id())
                        && r.status() == CheckResult.Status.SKIPPED).findFirst()
                .map(r -> "up.apply skipped: " + r.reason()).orElse(context.upApplyFailed());
    }

    /** A set and the options to verify it with. */
    public record Target(MigrationSet set, VerifyOptions options) {
    }

    /** The harness's version, from the jar. */
    public static String harnessVersion() {
        try (InputStream in = Verifier.class.getResourceAsStream("/org/migrationharness/harness.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
