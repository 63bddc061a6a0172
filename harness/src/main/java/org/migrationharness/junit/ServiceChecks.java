package org.migrationharness.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.check.Verifier;
import org.migrationharness.check.VerifyOptions;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.Repository;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The standard checks of every service as dynamic tests, so that a new service needs no Java code to be verified:
 * <pre>
 * &#64;MigrationTest
 * class EveryServiceTests {
 *     &#64;TestFactory
 *     Stream&lt;DynamicNode&gt; every_service_passes_every_check(PostgresServer server) {
 *         return ServiceChecks.forEveryService(server);
 *     }
 * }
 * </pre>
 * The tree reads {@code catalog / up.apply} for checks of the whole set and {@code catalog / V4 / down.leaves-trace}
 * for checks of one migration. A service is verified once, when its first test runs.
 */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    /** One container per service under {@code service-migrations/}. */
    public static Stream<DynamicNode> forEveryService(PostgresServer server) {
        Repository repository = Repository.locate();
        return repository.services().stream().map(service -> forService(server, repository, service));
    }

    /** The checks of one service. */
    public static DynamicContainer forService(PostgresServer server, Repository repository, String service) {
        MigrationSet set = repository.read(service);
        VerifyOptions options = new VerifyOptions(repository.expectedSchema(service), true,
                repository.seeds(service).orElse(null), List.of());
        Lazy report = new Lazy(() -> new Verifier(server).verify(set, options));
        List<DynamicNode> nodes = new ArrayList<>();
        for (CheckId check : Verifier.checkIds()) {
            if (check.needsBase() && options.base() == null) {
                continue; // a test suite has no base to compare with: verify --base-dir runs these on a pull request
            }
            if (check.measured() && !set.config().risk().on()) {
                continue; // measuring on rows is turned on per service (risk: true), not part of every test run
            }
            if (check.equals(CheckId.LINT) && options.base() == null && !set.namingBaseline().present()) {
                continue; // lint judges what is new since a base or a baseline; a test suite has neither
            }
            Predicate<Finding> mine = f -> f.isOf(check) && (!check.perMigration() || f.migration() == null);
            nodes.add(DynamicTest.dynamicTest(check.id(), () -> assertPassed(report.get(), check, mine, service)));
        }
        for (Migration migration : set.migrations()) {
            String version = migration.version().text();
            String label = migration.up().label(); // as the team names it: V4 in Flyway's layout, 4_x.up in golang-migrate's
            List<DynamicNode> perCheck = new ArrayList<>();
            for (CheckId check : Verifier.checkIds()) {
                if (check.perMigration()) {
                    Predicate<Finding> mine = f -> f.isOf(check) && version.equals(f.migration());
                    perCheck.add(DynamicTest.dynamicTest(check.id(),
                            () -> assertPassed(report.get(), check, mine, service + " " + label)));
                }
            }
            nodes.add(DynamicContainer.dynamicContainer(label, perCheck));
        }
        return DynamicContainer.dynamicContainer(service, nodes);
    }

    private static void assertPassed(ServiceReport report, CheckId check, Predicate<Finding> mine, String subject) {
        CheckResult result = report.checks().stream().filter(c -> c.check().equals(check.id())).findFirst().orElse(null);
        if (result == null || result.status() == CheckResult.Status.SKIPPED) {
            throw new TestAbortedException(check.id() + " was skipped for " + subject + ": "
                    + (result == null || result.reason() == null ? "a check it needs failed first." : result.reason() + "."));
        }
        List<Finding> errors = report.findings().stream().filter(mine).filter(f -> f.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new AssertionFailedError("\nExpecting " + subject + " to pass " + check.id() + " (" + check.meaning()
                    + ")\nbut found " + errors.size() + " error(s):\n" + errors.stream()
                    .map(f -> "  " + f.location() + f.message().replace("\n", "\n    "))
                    .collect(Collectors.joining("\n")));
        }
    }

    /** Verifies a service the first time one of its tests asks. */
    private static final class Lazy {

        private final java.util.function.Supplier<ServiceReport> supplier;
        private ServiceReport value;

        Lazy(java.util.function.Supplier<ServiceReport> supplier) {
            this.supplier = supplier;
        }

        synchronized ServiceReport get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }
}
