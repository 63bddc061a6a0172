package org.migrationharness.check;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.RunReport;
import org.migrationharness.report.SchemaChange;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.source.MigrationSet;

/**
 * Runs every check on migration sets, on one server. A check that cannot run because one it needs failed is
 * skipped, and every other check still runs: one run reports every defect, not only the first. Several sets may be
 * verified at the same time ({@link #verifyAll(List, int)}): each works in databases of its own, a service that depends
 * on others too (it migrates them into its own databases).
 */
public final class Verifier {

    private final PostgresServer server;
    private final VerifyListener listener;
    /** The checks, found once: the harness's own, then those {@link ServiceLoader} finds. */
    private final List<Check> checks;

    public Verifier(PostgresServer server, VerifyListener listener) {
        this.server = server;
        this.listener = listener == null ? VerifyListener.NONE : listener;
        this.checks = checks();
    }

    public Verifier(PostgresServer server) {
        this(server, VerifyListener.NONE);
    }

    /** The checks, in the order they run: the harness's own, then those added through {@link ServiceLoader}. */
    public static List<CheckId> checkIds() {
        return checks().stream().map(Check::id).toList();
    }

    /**
     * The checks in the order they run: the harness's own ({@link #builtIn()}), then every {@link Check} listed in
     * {@code META-INF/services/org.migrationharness.check.Check} on the context class loader's class path, in the
     * order {@link ServiceLoader} finds them. A check whose id another check has is refused.
     */
    static List<Check> checks() {
        List<Check> checks = new ArrayList<>(builtIn());
        Set<CheckId> ids = new HashSet<>();
        checks.forEach(check -> ids.add(check.id()));
        for (Check check : ServiceLoader.load(Check.class)) {
            if (!ids.add(check.id())) {
                throw new HarnessException(ErrorCode.INPUT, "Two checks have the id " + check.id() + ": "
                        + check.getClass().getName() + " (from META-INF/services/" + Check.class.getName()
                        + ") and another. Give each check an id of its own.");
            }
            checks.add(check);
        }
        return List.copyOf(checks);
    }

    /** The harness's own checks, in the order they run. */
    private static List<Check> builtIn() {
        return List.of(
                new FileChecks(CheckId.NAMING_FILE),
                new FileChecks(CheckId.ORDER_DUPLICATE_VERSION),
                new DownMissingCheck(),
                new HistoryCheck(CheckId.HISTORY_MODIFIED),
                new HistoryCheck(CheckId.HISTORY_OUT_OF_ORDER),
                new LintCheck(),
                new UpApplyCheck(),
                new ExpectedSchemaCheck(),
                new NamingObjectCheck(),
                new StepCheck(CheckId.DOWN_APPLY),
                new StepCheck(CheckId.DOWN_LEAVES_TRACE),
                new StepCheck(CheckId.UP_REAPPLY_DIFFERS),
                new ChainCheck(),
                new RemigrateCheck(),
                new SeedLoadCheck(),
                new SeedIdempotencyCheck(),
                new RiskCheck(CheckId.RISK_LOCK),
                new RiskCheck(CheckId.RISK_REWRITE),
                new RiskCheck(CheckId.RISK_SCAN),
                new RollbackLossCheck());
    }

    /**
     * Verifies several sets, one after another, and reports the whole run: {@link #verifyAll(List, int)} with one job.
     */
    public RunReport verifyAll(List<Target> targets) {
        return verifyAll(targets, 1);
    }

    /**
     * Verifies several sets, up to {@code jobs} at a time (each works in databases of its own on the one server), and
     * reports the whole run: the services in the order of {@code targets}, each with its own checks' times, and the
     * run's wall time. One job verifies them one after another, in the calling thread.
     *
     * <p>The listener hears the sets in the order of {@code targets}, never two calls at a time, a set's calls
     * together: those of the first set not finished as they happen, those of a later set held until every set before
     * it finished.
     *
     * <p>When the run is interrupted ({@link PostgresServer#interrupt()}) every set being verified stops at once and
     * no other starts: the report holds the services that finished, names those that did not, and says so. A failure
     * a check reports (a {@link HarnessException}) is that service's finding, as with {@link #verify}; any other
     * exception starts no further set, lets those running finish, then is thrown (the first in the order of
     * {@code targets}, the others suppressed by it).
     *
     * @param jobs how many sets to verify at a time, at least 1
     */
    public RunReport verifyAll(List<Target> targets, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        long start = System.nanoTime();
        List<Target> all = List.copyOf(targets);
        InSelectionOrder order = new InSelectionOrder(listener, all.size());
        AtomicBoolean failed = new AtomicBoolean();
        List<Outcome> outcomes = new ArrayList<>();
        int threads = Math.min(jobs, all.size());
        if (threads <= 1) {
            for (int i = 0; i < all.size(); i++) {
                outcomes.add(run(i, all.get(i), order, failed));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, new VerifyThreads());
            try {
                List<Future<Outcome>> running = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    int index = i;
                    running.add(pool.submit(() -> run(index, all.get(index), order, failed)));
                }
                running.forEach(future -> outcomes.add(outcome(future)));
            } finally {
                pool.shutdown(); // every task has ended: the threads end too
            }
        }
        throwFirstFailure(outcomes);
        List<ServiceReport> reports = new ArrayList<>();
        List<String> notVerified = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (outcomes.get(i).report() == null) {
                notVerified.add(all.get(i).set().name()); // not started, or its checks were cut short: no verdict
            } else {
                reports.add(outcomes.get(i).report());
            }
        }
        return new RunReport("migration-harness", harnessVersion(), server.version(),
                (System.nanoTime() - start) / 1_000_000, reports, server.isInterrupted(), notVerified);
    }

    /**
     * Verifies one target of {@link #verifyAll(List, int)}, unless the run was interrupted or another target failed
     * with an exception that is no finding; a report cut short by an interrupt is no verdict.
     */
    private Outcome run(int index, Target target, InSelectionOrder order, AtomicBoolean failed) {
        try {
            try {
                if (server.isInterrupted() || failed.get()) {
                    return Outcome.NOT_VERIFIED;
                }
                ServiceReport report = verify(target.set(), target.options(), order.of(index));
                return server.isInterrupted() ? Outcome.NOT_VERIFIED : new Outcome(report, null);
            } finally {
                order.finished(index);
            }
        } catch (RuntimeException | Error e) {
            failed.set(true);
            return new Outcome(null, e);
        }
    }

    /** A target's outcome, waiting for it; the wait is not cut short by an interrupt of the calling thread. */
    private static Outcome outcome(Future<Outcome> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the set's statements end only by PostgresServer.interrupt(): wait for them
                } catch (ExecutionException e) {
                    return new Outcome(null, e.getCause()); // run() catches every exception: not expected
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void throwFirstFailure(List<Outcome> outcomes) {
        Throwable first = null;
        for (Outcome outcome : outcomes) {
            if (outcome.failure() == null) {
                continue;
            }
            if (first == null) {
                first = outcome.failure();
            } else if (outcome.failure() != first) {
                first.addSuppressed(outcome.failure());
            }
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
    }

    /** What verifying one target gave: its report, or none (not verified), or the exception that ended it. */
    private record Outcome(ServiceReport report, Throwable failure) {

        static final Outcome NOT_VERIFIED = new Outcome(null, null);
    }

    /** The threads of {@link #verifyAll(List, int)}: daemon threads, so that none keeps a JVM alive. */
    private static final class VerifyThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "migration-harness-verify-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Verifies one set. */
    public ServiceReport verify(MigrationSet set, VerifyOptions options) {
        return verify(set, options, listener);
    }

    private ServiceReport verify(MigrationSet set, VerifyOptions options, VerifyListener listener) {
        listener.serviceStarted(set.name(), set.format(), set.migrations().size());
        List<CheckResult> results = new ArrayList<>();
        ServiceReport.Status status = ServiceReport.Status.PASSED;
        ServiceRun context = new ServiceRun(set, server, options == null ? VerifyOptions.defaults() : options);
        SchemaChange change = null;
        try (context) {
            for (Check check : checks) {
                if (server.isInterrupted()) {
                    break;
                }
                listener.checkStarted(set.name(), check.id().id());
                long start = System.nanoTime();
                String skip = null;
                int before = context.findings().size();
                try {
                    CheckContext given = context.contextOf(check);
                    skip = check.skipReason(given);
                    if (skip == null) {
                        check.run(given);
                    }
                } catch (HarnessException e) {
                    if (e.code() == ErrorCode.ENVIRONMENT) {
                        status = ServiceReport.Status.ERROR;
                    }
                    context.report(new Finding(check.id(), Severity.ERROR, null, null, null,
                            "The check could not run: " + e.getMessage()));
                }
                boolean failed = context.findings().subList(before, context.findings().size()).stream()
                        .anyMatch(f -> f.severity() == Severity.ERROR);
                CheckResult.Status outcome = skip != null ? CheckResult.Status.SKIPPED
                        : failed ? CheckResult.Status.FAILED : CheckResult.Status.PASSED;
                if (server.isInterrupted()) {
                    break; // cut short: no verdict
                }
                CheckResult result = new CheckResult(check.id().id(), outcome, (System.nanoTime() - start) / 1_000_000,
                        skip);
                results.add(result);
                listener.checkFinished(set.name(), result);
            }
            change = schemaChange(context);
        } catch (HarnessException e) {
            // dropping the service's databases failed; PostgresServer.close() tries again and names any it cannot drop
        }
        boolean errors = context.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        if (status == ServiceReport.Status.PASSED && errors) {
            status = ServiceReport.Status.FAILED;
        }
        return new ServiceReport(set.name(), set.format(), set.migrations().size(), status, results, context.findings(),
                set.config().file() == null ? null : DisplayPath.of(set.config().file()), change);
    }

    /** The schema change since the base, when there is a base and the run goes on; no verdict, so never a finding. */
    private SchemaChange schemaChange(ServiceRun context) {
        if (server.isInterrupted()) {
            return null;
        }
        try {
            return SchemaChanges.of(context);
        } catch (HarnessException e) {
            return server.isInterrupted() ? null : SchemaChange.unavailable("the base could not be compared: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
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
