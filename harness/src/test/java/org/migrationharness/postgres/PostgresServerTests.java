package org.migrationharness.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

class PostgresServerTests {

    private final PostgresServer server = SharedServer.get();

    @Test
    void should_create_a_uniquely_named_empty_database_and_drop_it() {
        Database database = server.createDatabase("Shop Service!");
        assertThat(database.name()).matches("mh_shop_service__[0-9a-f]{8}");
        assertThat(Sql.column(database, "SELECT current_database()")).containsExactly(database.name());
        server.dropDatabase(database);
        assertThat(server.createdDatabases()).doesNotContain(database.name());
        assertThat(Sql.column(server.createDatabase("probe"), "SELECT datname FROM pg_database"))
                .doesNotContain(database.name());
    }

    @Test
    void should_clone_a_database_with_its_schema_and_data() {
        Database template = server.createDatabase("template");
        Sql.execute(template, "CREATE TABLE t (id int)", "INSERT INTO t VALUES (1), (2)");
        Database clone = server.cloneDatabase(template, "clone");
        assertThat(Sql.column(clone, "SELECT count(*) FROM t")).containsExactly("2");
    }

    @Test
    void should_refuse_to_drop_a_database_it_did_not_create() {
        Database foreign = new Database("postgres", "jdbc:postgresql://localhost/postgres", "postgres", null);
        assertThatThrownBy(() -> server.dropDatabase(foreign))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REFUSED))
                .hasMessage("Refusing to drop database postgres: the harness did not create it on this server.");
    }

    @Test
    void should_report_its_version() {
        assertThat(server.version()).matches("1[5-9]\\.\\d+");
        assertThat(server.majorVersion()).isBetween(15, 17);
        assertThat(List.of(PostgresBackend.EMBEDDED, PostgresBackend.TESTCONTAINERS)).contains(server.backend());
    }
}
