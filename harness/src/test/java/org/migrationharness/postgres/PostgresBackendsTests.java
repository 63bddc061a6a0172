package org.migrationharness.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.testing.Sql;

/** Each backend starts (or reaches) a real server. The Testcontainers one needs a Docker engine (CI starts one). */
class PostgresBackendsTests {

    @Test
    void should_start_embedded_postgres_of_the_chosen_major_version() {
        PostgresSettings settings = new PostgresSettings(PostgresBackend.EMBEDDED, 16, null, null, null, null);
        try (PostgresServer server = PostgresServer.start(settings)) {
            assertThat(server.backend()).isEqualTo(PostgresBackend.EMBEDDED);
            assertThat(server.version()).startsWith("16.");
            Database database = server.createDatabase("embedded");
            Sql.execute(database, "CREATE TABLE t (id int)");
            assertThat(Sql.column(database, "SHOW fsync")).containsExactly("off");
        }
    }

    @Test
    @EnabledIf("dockerAvailable")
    void should_start_a_container_through_testcontainers() {
        try (PostgresServer server = PostgresServer.start(PostgresSettings.of(PostgresBackend.TESTCONTAINERS))) {
            assertThat(server.backend()).isEqualTo(PostgresBackend.TESTCONTAINERS);
            Database database = server.createDatabase("container");
            Sql.execute(database, "CREATE TABLE t (id int)", "INSERT INTO t VALUES (1)");
            assertThat(Sql.column(database, "SELECT count(*) FROM t")).containsExactly("1");
            assertThat(Sql.column(database, "SHOW fsync")).containsExactly("off");
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "HARNESS_REQUIRE_DOCKER", matches = "true")
    void should_find_docker_where_ci_promises_one() {
        assertThat(ContainerProcess.usable(PostgresSettings.defaults().effectiveImage()))
                .as("why the testcontainers backend cannot run here (HARNESS_REQUIRE_DOCKER=true)").isNull();
    }

    @Test
    void should_use_an_external_server_creating_and_dropping_only_its_own_databases() throws Exception {
        try (PostgresServer owner = PostgresServer.start(PostgresSettings.of(PostgresBackend.EMBEDDED))) {
            Database existing = owner.createDatabase("someone_elses");
            Sql.execute(existing, "CREATE TABLE precious (id int)", "INSERT INTO precious VALUES (42)");
            String url = existing.jdbcUrl().replace(existing.name(), "postgres");
            String created;
            try (PostgresServer external = PostgresServer.start(PostgresSettings.external(url, "postgres", null))) {
                assertThat(external.backend()).isEqualTo(PostgresBackend.EXTERNAL);
                Database mine = external.createDatabase("external");
                created = mine.name();
                Sql.execute(mine, "CREATE TABLE t (id int)");
                assertThatThrownBy(() -> external.dropDatabase(existing))
                        .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REFUSED));
            }
            List<String> databases = Sql.column(existing, "SELECT datname FROM pg_database");
            assertThat(databases).contains(existing.name(), "postgres").doesNotContain(created);
            assertThat(Sql.column(existing, "SELECT id FROM precious")).containsExactly("42");
        }
    }

    @Test
    void should_fail_with_an_environment_error_when_the_external_server_is_unreachable() {
        PostgresSettings settings = PostgresSettings.external("jdbc:postgresql://127.0.0.1:1/postgres", "postgres", "secret");
        assertThatThrownBy(() -> PostgresServer.start(settings))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENVIRONMENT))
                .hasMessageStartingWith("Cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/postgres as postgres:")
                .hasMessageContaining("Check that the server runs and the URL, user and PGPASSWORD are right.")
                .hasMessageNotContaining("secret");
    }

    static boolean dockerAvailable() {
        return ContainerProcess.usable(PostgresSettings.defaults().effectiveImage()) == null;
    }
}
