package org.migrationharness.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/**
 * On a server the harness does not own, each run marks its databases and holds a lease; a later run drops the
 * databases of runs that are gone and nothing else. An interrupted run cancels its statements and creates nothing more.
 */
class RunCleanupTests {

    private final PostgresServer shared = SharedServer.get();
    private final Database admin = shared.createDatabase("cleanup_admin");

    @AfterEach
    void drop() {
        for (String name : Sql.column(admin, "SELECT datname FROM pg_database WHERE datname LIKE 'mh\\_cleanup\\_test\\_%'")) {
            Sql.execute(admin, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        }
        shared.dropDatabase(admin);
    }

    /** The shared test server, as a server the harness does not own. */
    private PostgresServer external() {
        return PostgresServer.start(PostgresSettings.external(admin.jdbcUrl(), admin.user(), admin.password()));
    }

    private String comment(String database) {
        return Sql.column(admin, "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '"
                + database + "'").get(0);
    }

    @Test
    void should_mark_each_database_with_its_run_and_hold_the_runs_lease_while_it_lives() {
        try (PostgresServer run = external()) {
            Database database = run.createDatabase("cleanup_marked");

            assertThat(comment(database.name())).matches("migration-harness run [0-9a-f]{8} pid "
                    + ProcessHandle.current().pid() + " host \\S+ started \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            String key = comment(database.name()).split(" ")[2];
            assertThat(Sql.column(admin, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = "
                    + RunLease.LOCK_CLASS + " AND objid = " + Long.parseLong(key, 16))).containsExactly("1");
        }
    }

    @Test
    void should_drop_the_databases_of_a_run_that_is_gone_and_keep_every_other_one() throws SQLException {
        Sql.execute(admin,
                "CREATE DATABASE mh_cleanup_test_gone",
                "COMMENT ON DATABASE mh_cleanup_test_gone IS 'migration-harness run 0badc0de pid 4242 host ci-7 started 2026-01-01T00:00:00Z'",
                "CREATE DATABASE mh_cleanup_test_unmarked",
                "CREATE DATABASE mh_cleanup_test_other_comment",
                "COMMENT ON DATABASE mh_cleanup_test_other_comment IS 'the team''s scratch database'",
                "CREATE DATABASE mh_cleanup_test_alive");
        try (Connection liveRun = admin.connect(); Statement lease = liveRun.createStatement()) {
            lease.execute("SELECT pg_advisory_lock(" + RunLease.LOCK_CLASS + ", " + 0x7a11e + ")");
            Sql.execute(admin, "COMMENT ON DATABASE mh_cleanup_test_alive IS 'migration-harness run 0007a11e pid 1 host"
                    + " elsewhere started 2026-01-01T00:00:00Z'");

            try (PostgresServer next = external()) {
                assertThat(next.housekeeping()).containsExactly("dropped database mh_cleanup_test_gone, left by a run"
                        + " that is gone (run 0badc0de pid 4242 host ci-7 started 2026-01-01T00:00:00Z)");
            }
        }
        assertThat(Sql.column(admin, "SELECT datname FROM pg_database WHERE datname LIKE 'mh\\_cleanup\\_test\\_%' ORDER BY 1"))
                .containsExactly("mh_cleanup_test_alive", "mh_cleanup_test_other_comment", "mh_cleanup_test_unmarked");
    }

    @Test
    void should_cancel_running_statements_and_refuse_new_databases_once_interrupted() throws Exception {
        try (PostgresServer run = external()) {
            Database database = run.createDatabase("cleanup_interrupt");
            CompletableFuture<String> sleeper = CompletableFuture.supplyAsync(() -> {
                try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_sleep(60)");
                    return "finished";
                } catch (SQLException e) {
                    return e.getSQLState() + " " + e.getMessage();
                }
            });
            awaitActive(database);

            run.interrupt();

            assertThat(sleeper.get(20, TimeUnit.SECONDS)).isEqualTo("57014 ERROR: canceling statement due to user request");
            assertThat(run.isInterrupted()).isTrue();
            assertThatThrownBy(() -> run.createDatabase("cleanup_late"))
                    .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENVIRONMENT))
                    .hasMessage("The run was interrupted: no more databases are created.");
            run.close();
            assertThat(run.databasesDroppedAfterInterrupt()).isEqualTo(1);
        }
        assertThat(Sql.column(admin, "SELECT count(*) FROM pg_database WHERE datname LIKE 'mh\\_cleanup\\_interrupt%'"))
                .containsExactly("0");
    }

    private void awaitActive(Database database) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> active = Sql.column(admin, "SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                    + database.name() + "' AND query = 'SELECT pg_sleep(60)' AND state = 'active'");
            if (active.equals(List.of("1"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("pg_sleep(60) never became active in " + database.name());
    }
}
