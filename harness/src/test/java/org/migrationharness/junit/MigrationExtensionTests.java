package org.migrationharness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
