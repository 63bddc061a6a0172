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
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
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

    @Test
    void should_give_each_test_a_clone_of_the_set_migrated_once_into_a_template_per_class() {
        SEEN.clear();
        Events events = run(MigratedTemplateTestCase.class);
        events.failed().stream().forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).ifPresent(Throwable::printStackTrace));
        events.assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(SEEN).hasSize(6);
        assertThat(SEEN.stream().filter(n -> n.startsWith("test:"))).hasSize(3).doesNotHaveDuplicates();
        assertThat(SEEN.stream().filter(n -> n.startsWith("template:")).distinct()).singleElement().asString()
                .matches("template:mh_reversible_template_[0-9a-f]{8}");
    }

    @Test
    void should_take_the_annotation_over_the_configuration_parameter_over_the_system_property() {
        SEEN.clear();
        String previous = System.getProperty("harness.postgres.version");
        System.setProperty("harness.postgres.version", "15");
        try {
            EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(VersionFromAnnotationTestCase.class), selectClass(VersionFromParameterTestCase.class))
                    .configurationParameter(MigrationTest.VERSION_KEY, "16")
                    .execute().testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        } finally {
            if (previous == null) {
                System.clearProperty("harness.postgres.version");
            } else {
                System.setProperty("harness.postgres.version", previous);
            }
        }
        assertThat(SEEN).containsExactlyInAnyOrder("annotation:17", "parameter:16");
    }

    @Test
    void should_name_the_configuration_parameter_a_wrong_value_came_from() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(VersionFromParameterTestCase.class))
                .configurationParameter(MigrationTest.VERSION_KEY, "14").execute().containerEvents();

        events.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(HarnessException.class),
                message("Unsupported PostgreSQL major version '14' (from JUnit configuration parameter"
                        + " migration-harness.postgres.version).\nExpected one of: [15, 16, 17]."))));
    }

    @Test
    void should_fail_the_class_naming_the_attribute_and_the_allowed_values_for_an_unknown_backend() {
        assertClassFailsWith(UnknownBackendTestCase.class, "@MigrationTest(backend = \"docker\") on "
                + UnknownBackendTestCase.class.getName() + " names no PostgreSQL backend.\n"
                + "Expected one of: auto, testcontainers, embedded, external (or leave it out).");
    }

    @Test
    void should_fail_the_class_naming_the_attribute_and_the_allowed_values_for_an_unsupported_version() {
        assertClassFailsWith(UnsupportedVersionTestCase.class, "@MigrationTest(postgresVersion = 14) on "
                + UnsupportedVersionTestCase.class.getName() + " is not a supported PostgreSQL major version.\n"
                + "Expected one of: 15, 16, 17 (or leave it out).");
    }

    @Test
    void should_fail_the_class_for_an_image_without_a_pinned_tag() {
        assertClassFailsWith(FloatingImageTestCase.class, "@MigrationTest(postgresImage = \"postgres\") on "
                + FloatingImageTestCase.class.getName() + " names no tag, so the tests would run on whatever 'latest' is"
                + " that day.\nExpected an image with a pinned tag or digest, e.g. \"postgres:17.6\" or"
                + " \"postgres@sha256:...\" (or leave it out).");
    }

    private static void assertClassFailsWith(Class<?> testCase, String expected) {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase)).execute();
        results.containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(HarnessException.class), message(expected), new org.assertj.core.api.Condition<>(
                        t -> ((HarnessException) t).code() == ErrorCode.USAGE, "code USAGE"))));
        results.testEvents().assertStatistics(stats -> stats.started(0)); // the class fails before any test starts
    }

    @MigrationTest(migrations = "../test-fixtures/sets/reversible", migrated = true)
    static class MigratedTemplateTestCase {

        @Test
        void starts_at_the_latest_version(Migrator migrator, Database database, PostgresServer server) {
            record(server, database);
            assertThat(migrator.currentVersion()).contains("3.1");
            assertThat(database.queryForObject(String.class, "SELECT to_regclass('account_summary')::text"))
                    .isEqualTo("account_summary");
            assertThat(database.execute("INSERT INTO accounts (email) VALUES ('ada@example.com')")).isEqualTo(1);
        }

        @Test
        void starts_with_a_fresh_copy_whatever_another_test_wrote(Database database, PostgresServer server) {
            record(server, database);
            assertThat(database.queryForObject(Long.class, "SELECT count(*) FROM accounts")).isZero();
            database.execute("INSERT INTO accounts (email) VALUES ('ada@example.com')");
        }

        @Test
        void has_the_history_of_the_migrated_set(Migrator migrator, Database database, PostgresServer server) {
            record(server, database);
            assertThat(migrator.appliedVersions()).containsExactly("1", "2", "3", "3.1");
            assertThatThrownBy(() -> migrator.undoTo("3")).hasMessageContaining("Migration 3.1 is marked irreversible");
            assertThat(database.columnNames("public", "accounts")).containsExactly("id", "email", "created_at", "tier");
        }

        private static void record(PostgresServer server, Database database) {
            SEEN.add("test:" + database.name());
            server.createdDatabases().stream().filter(n -> n.contains("_template_")).forEach(n -> SEEN.add("template:" + n));
        }
    }

    @MigrationTest(migrations = "../test-fixtures/sets/reversible", postgresVersion = 17)
    static class VersionFromAnnotationTestCase {

        @Test
        void sees_its_server(PostgresServer server) {
            SEEN.add("annotation:" + server.majorVersion());
        }
    }

    @MigrationTest(migrations = "../test-fixtures/sets/reversible")
    static class VersionFromParameterTestCase {

        @Test
        void sees_its_server(PostgresServer server) {
            SEEN.add("parameter:" + server.majorVersion());
        }
    }

    @MigrationTest(migrations = "../test-fixtures/sets/reversible", backend = "docker")
    static class UnknownBackendTestCase {

        @Test
        void never_runs() {
        }
    }

    @MigrationTest(migrations = "../test-fixtures/sets/reversible", postgresVersion = 14)
    static class UnsupportedVersionTestCase {

        @Test
        void never_runs() {
        }
    }

    @MigrationTest(migrations = "../test-fixtures/sets/reversible", postgresImage = "postgres")
    static class FloatingImageTestCase {

        @Test
        void never_runs() {
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
        void starts_empty(Database database, Migrator migrator, PostgresServer server) {
            SEEN.add(database.name());
            assertThat(server.createdDatabases()).noneMatch(n -> n.contains("_template_")); // no template to clone
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
