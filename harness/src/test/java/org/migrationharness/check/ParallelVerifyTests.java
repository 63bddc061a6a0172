package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.RunReport;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;

/** {@link Verifier#verifyAll(List, int)}: several services at a time on the one server, reported as one after another. */
@DisplayName("verifying several services at a time")
class ParallelVerifyTests {

    private static final String ACCOUNTS = "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);\n";

    @TempDir
    Path dir;

    @Test
    void should_report_the_same_verdicts_and_findings_in_the_same_order_with_several_jobs_as_with_one() {
        MigrationSet broken = set("par_broken_dependency", "V1__broken.sql", "CREATE TABLE missing.nope (id int);\n");
        List<Verifier.Target> targets = List.of(
                target(set("par_reversible", "V1__accounts.sql", ACCOUNTS, "U1__accounts.sql", "DROP TABLE accounts;\n",
                        "V2__name.sql", "ALTER TABLE accounts ADD COLUMN name text;\n",
                        "U2__name.sql", "ALTER TABLE accounts DROP COLUMN name;\n")),
                target(set("par_up_fails", "V1__accounts.sql", ACCOUNTS, "U1__accounts.sql", "DROP TABLE accounts;\n",
                        "V2__typo.sql", "ALTER TABLE acounts ADD COLUMN name text;\n",
                        "U2__typo.sql", "ALTER TABLE accounts DROP COLUMN name;\n")),
                target(set("par_leaves_trace", "V1__accounts.sql", ACCOUNTS, "U1__accounts.sql", "DROP TABLE accounts;\n",
                        "V2__tier.sql", "CREATE TYPE tier AS ENUM ('free', 'paid');\n"
                                + "ALTER TABLE accounts ADD COLUMN tier tier;\n",
                        "U2__tier.sql", "ALTER TABLE accounts DROP COLUMN tier;\n")),
                // an environment error: the set it depends on does not migrate
                new Verifier.Target(set("par_dependent", "V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n",
                        "U1__orders.sql", "DROP TABLE orders;\n"),
                        new VerifyOptions(null, false, null, List.of(), List.of(broken))),
                target(set("par_no_downs", "V1__accounts.sql", ACCOUNTS, "V2__name.sql",
                        "ALTER TABLE accounts ADD COLUMN name text;\n")));
        Verifier verifier = new Verifier(SharedServer.get());

        RunReport one = verifier.verifyAll(targets, 1);
        RunReport four = verifier.verifyAll(targets, 4);

        assertThat(verdicts(four)).isEqualTo(verdicts(one));
        assertThat(four.services()).extracting(ServiceReport::service).containsExactly("par_reversible", "par_up_fails",
                "par_leaves_trace", "par_dependent", "par_no_downs");
        assertThat(four.services()).extracting(ServiceReport::status).containsExactly(ServiceReport.Status.PASSED,
                ServiceReport.Status.FAILED, ServiceReport.Status.FAILED, ServiceReport.Status.ERROR,
                ServiceReport.Status.FAILED);
        assertThat(four.interrupted()).isFalse();
        assertThat(four.notVerified()).isEmpty();
        assertThat(leftDatabases("mh_par_")).isEmpty();
    }

    @Test
    void should_pass_each_services_events_together_in_selection_order_one_call_at_a_time() {
        // the first set is the slowest: the others finish while it runs, and their events wait for it
        List<Verifier.Target> targets = List.of(
                target(set("par_slow", "V1__accounts.sql", "SELECT pg_sleep(0.5);\n" + ACCOUNTS,
                        "U1__accounts.sql", "DROP TABLE accounts;\n")),
                target(set("par_quick_a", "V1__accounts.sql", ACCOUNTS, "U1__accounts.sql", "DROP TABLE accounts;\n")),
                target(set("par_quick_b", "V1__accounts.sql", ACCOUNTS, "U1__accounts.sql", "DROP TABLE accounts;\n")));
        Recording events = new Recording(null);

        RunReport report = new Verifier(SharedServer.get(), events).verifyAll(targets, 3);

        assertThat(events.concurrentCalls.get()).isZero();
        List<String> services = new ArrayList<>();
        for (String event : events.events) {
            String service = event.substring(event.indexOf(' ') + 1, event.indexOf(' ', event.indexOf(' ') + 1));
            if (services.isEmpty() || !services.get(services.size() - 1).equals(service)) {
                services.add(service);
            }
        }
        assertThat(services).containsExactly("par_slow", "par_quick_a", "par_quick_b");
        int checks = Verifier.checkIds().size();
        for (String service : services) {
            assertThat(events.events).filteredOn(e -> e.startsWith("started " + service + " ")).hasSize(1);
            assertThat(events.events).filteredOn(e -> e.startsWith("finished " + service + " ")).hasSize(checks);
        }
        long ownTimes = report.services().stream().flatMap(s -> s.checks().stream()).mapToLong(CheckResult::durationMs).sum();
        assertThat(report.durationMs()).as("the run's wall time, shorter than its services' times one after another")
                .isLessThan(ownTimes);
    }

    @Test
    void should_let_the_running_services_finish_start_no_other_and_then_throw_when_one_fails_with_an_exception() {
        List<Verifier.Target> targets = List.of(
                target(set("par_throws", "V1__accounts.sql", ACCOUNTS, "U1__accounts.sql", "DROP TABLE accounts;\n")),
                target(set("par_running", "V1__accounts.sql", "SELECT pg_sleep(0.3);\n" + ACCOUNTS,
                        "U1__accounts.sql", "DROP TABLE accounts;\n")),
                target(set("par_queued", "V1__accounts.sql", ACCOUNTS, "U1__accounts.sql", "DROP TABLE accounts;\n")));
        IllegalStateException bug = new IllegalStateException("a bug in par_throws");
        Recording events = new Recording(bug);

        assertThatThrownBy(() -> new Verifier(SharedServer.get(), events).verifyAll(targets, 2)).isSameAs(bug);

        assertThat(events.events).filteredOn(e -> e.startsWith("finished par_running ")).hasSize(Verifier.checkIds().size());
        assertThat(events.events).noneMatch(e -> e.contains(" par_queued "));
        assertThat(leftDatabases("mh_par_")).isEmpty();
    }

    @Test
    void should_start_no_other_service_after_an_exception_with_one_job() {
        List<Verifier.Target> targets = List.of(
                target(set("par_throws", "V1__accounts.sql", ACCOUNTS, "U1__accounts.sql", "DROP TABLE accounts;\n")),
                target(set("par_after", "V1__accounts.sql", ACCOUNTS, "U1__accounts.sql", "DROP TABLE accounts;\n")));
        IllegalStateException bug = new IllegalStateException("a bug in par_throws");
        Recording events = new Recording(bug);

        assertThatThrownBy(() -> new Verifier(SharedServer.get(), events).verifyAll(targets, 1)).isSameAs(bug);

        assertThat(events.events).noneMatch(e -> e.contains(" par_after "));
        assertThat(leftDatabases("mh_par_")).isEmpty();
    }

    @Test
    void should_refuse_fewer_than_one_job() {
        Verifier verifier = new Verifier(SharedServer.get());

        assertThatThrownBy(() -> verifier.verifyAll(List.of(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jobs must be at least 1, not 0");
    }

    private MigrationSet set(String name, String... filesAndContents) {
        MigrationFolder folder = MigrationFolder.in(dir.resolve(name));
        for (int i = 0; i < filesAndContents.length; i += 2) {
            folder.file(filesAndContents[i], filesAndContents[i + 1]);
        }
        return MigrationSetReader.read(folder.path(), name);
    }

    private static Verifier.Target target(MigrationSet set) {
        return new Verifier.Target(set, VerifyOptions.defaults());
    }

    /** The run without its times: each service's status, checks (status, reason) and findings, in report order. */
    private static List<String> verdicts(RunReport report) {
        List<String> verdicts = new ArrayList<>();
        for (ServiceReport service : report.services()) {
            verdicts.add(service.service() + " " + service.format() + " " + service.migrations() + " " + service.status());
            service.checks().forEach(c -> verdicts.add("  " + c.check() + " " + c.status() + " " + c.reason()));
            service.findings().forEach(f -> verdicts.add("  " + f.check() + " " + f.severity() + " [" + f.migration()
                    + "] " + f.file() + ":" + f.line() + " " + f.message().replaceAll("mh_[a-z0-9_]+_[0-9a-f]{8}", "mh_<db>")));
        }
        return verdicts;
    }

    private static List<String> leftDatabases(String prefix) {
        return SharedServer.get().createdDatabases().stream().filter(d -> d.startsWith(prefix)).toList();
    }

    /**
     * Every event, as {@code started|finished <service> <check>}; counts calls that overlap; throws {@code failure}
     * when the first check of the first service finishes, when given.
     */
    private static final class Recording implements VerifyListener {

        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger concurrentCalls = new AtomicInteger();
        private final AtomicInteger inCall = new AtomicInteger();
        private final RuntimeException failure;

        Recording(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void serviceStarted(String service, String format, int migrations) {
            record("started " + service + " " + format);
        }

        @Override
        public void checkFinished(String service, CheckResult result) {
            record("finished " + service + " " + result.check());
            // after up.apply (a migration on the server): the other job has started by then, even on a loaded machine
            if (failure != null && service.equals("par_throws") && result.check().equals("up.apply")) {
                throw failure;
            }
        }

        private void record(String event) {
            if (inCall.incrementAndGet() > 1) {
                concurrentCalls.incrementAndGet();
            }
            try {
                events.add(event);
                Thread.yield();
            } finally {
                inCall.decrementAndGet();
            }
        }
    }
}
