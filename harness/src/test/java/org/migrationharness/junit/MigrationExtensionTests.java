package org.migrationharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.migrationharness.apply.Migrator;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.testing.Sql;

/** Runs small @MigrationTest classes through JUnit's TestKit, as JUnit tests its own extensions. */
class MigrationExtensionTests {

    static final List<String> SEEN = new ArrayList<>();

    private static Events run(Class<?> testCase) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase)).execute().testEvents();
    }

    @Test
    void should_give_each_test_its_own_database_and_a_migrator_for_it() {
        SEEN.clear();
        Events events = run(DataMigrationTestCase.class);
        events.failed().stream().forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).ifPresent(Throwable::printStackTrace));
        events.assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(SEEN).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void should_drop_each_test_database_after_the_test() {
        SEEN.clear();
        run(DataMigrationTestCase.class).assertStatistics(stats -> stats.succeeded(3));
        PostgresServer probe = org.migrationharness.testing.SharedServer.get();
        Database any = probe.createDatabase("probe");
        assertThat(Sql.column(any, "SELECT datname FROM pg_database")).doesNotContainAnyElementsOf(SEEN);
    }

    @Test
    void should_fail_precisely_when_the_annotation_names_neither_service_nor_folder() {
        run(NeitherTestCase.class).assertThatEvents().haveExactly(1, event(test("needs_a_set"),
                finishedWithFailure(instanceOf(ParameterResolutionException.class))));
        Events events = run(NeitherTestCase.class);
        assertThat(events.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow().getCause()))
                .singleElement().isInstanceOf(ExtensionConfigurationException.class).extracting(Throwable::getMessage)
                .asString().contains("must name exactly one of service = \"...\" or migrations = \"...\", but names neither.");
    }

    @Test
    void should_refuse_a_database_in_before_all_with_the_reason() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BeforeAllTestCase.class)).execute()
                .containerEvents();
        events.assertThatEvents().haveAtLeastOne(event(finishedWithFailure(instanceOf(ParameterResolutionException.class),
                message(m -> m.contains("can only be injected into test methods and @BeforeEach methods")))));
    }

    @Test
    void should_migrate_the_services_a_tested_service_depends_on_before_each_test(@TempDir Path root) throws Exception {
        Path zeta = Files.createDirectories(root.resolve("service-migrations/zeta/migrations"));
        Files.writeString(zeta.getParent().resolve("harness.yaml"), "format: golang-migrate\nschemas: [zeta_service]\n");
        Files.writeString(zeta.resolve("1_customers.up.sql"), "CREATE TABLE zeta_service.customers (id bigint PRIMARY KEY);");
        Files.writeString(zeta.resolve("1_customers.down.sql"), "DROP TABLE zeta_service.customers;");
        Path alpha = Files.createDirectories(root.resolve("service-migrations/alpha/migrations"));
        Files.writeString(alpha.getParent().resolve("harness.yaml"), "schemas: [alpha_service]\ndepends-on: [zeta]\n");
        Files.writeString(alpha.resolve("V1__orders.sql"), "CREATE TABLE alpha_service.orders (id bigint PRIMARY KEY,"
                + " customer_id bigint NOT NULL REFERENCES zeta_service.customers (id));");
        Files.writeString(alpha.resolve("U1__orders.sql"), "DROP TABLE alpha_service.orders;");
        String previous = System.getProperty("harness.repository.root");
        System.setProperty("harness.repository.root", root.toString());
        try {
            Events events = run(DependentServiceTestCase.class);
            events.failed().stream().forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).ifPresent(Throwable::printStackTrace));
            events.assertStatistics(stats -> stats.started(1).succeeded(1));
        } finally {
            if (previous == null) {
                System.clearProperty("harness.repository.root");
            } else {
                System.setProperty("harness.repository.root", previous);
            }
        }
    }

    @MigrationTest(service = "alpha")
    static class DependentServiceTestCase {

        @Test
        void orders_reference_the_customers_of_the_service_it_depends_on(Migrator migrator, Database database) {
            assertThat(migrator.currentVersion()).isEmpty();
            migrator.migrateAll();
            Sql.execute(database, "INSERT INTO zeta_service.customers VALUES (1)",
                    "INSERT INTO alpha_service.orders VALUES (10, 1)");
            assertThat(Sql.column(database, "SELECT count(*) FROM alpha_service.orders")).containsExactly("1");
        }
    }

    @MigrationTest(migrations = "../test-fixtures/sets/reversible")
    static class DataMigrationTestCase {

        @Test
        void migrate_insert_migrate_assert(Migrator migrator, Database database, DataSource dataSource) throws Exception {
            SEEN.add(database.name());
            migrator.migrateTo("2");
            Sql.execute(database, "INSERT INTO accounts (email) VALUES ('ada@example.com'), ('bob@other.org')");
            migrator.migrateTo("3.1");
            assertThat(Sql.column(database, "SELECT email || '=' || tier FROM accounts ORDER BY email"))
                    .containsExactly("ada@example.com=pro", "bob@other.org=free");
            assertThatThrownBy(() -> migrator.undoTo("1")).hasMessageContaining("is marked irreversible");
            assertThat(migrator.currentVersion()).contains("3.1");
        }

        @Test
        void undo_to_an_earlier_version(Migrator migrator, Database database, DataSource dataSource) throws Exception {
            SEEN.add(database.name());
            migrator.migrateTo("2");
            migrator.undoTo("1");
            assertThat(Sql.column(database, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'tier'"))
                    .containsExactly("0");
            try (var connection = dataSource.getConnection()) {
                assertThat(connection.getCatalog()).isEqualTo(database.name());
            }
        }

        @Test
        void starts_empty(Database database, Migrator migrator) {
            SEEN.add(database.name());
            assertThat(migrator.currentVersion()).isEmpty();
            assertThat(migrator.database()).isEqualTo(database);
        }
    }

    @MigrationTest
    static class NeitherTestCase {

        @Test
        void needs_a_set(Migrator migrator) {
            migrator.migrateAll();
        }
    }

    @MigrationTest(migrations = "../test-fixtures/sets/reversible")
    static class BeforeAllTestCase {

        @BeforeAll
        static void setUp(Database database) {
            // never reached
        }

        @Test
        void test() {
        }
    }
}
