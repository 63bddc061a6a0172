package org.migrationharness.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.source.Timeouts;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/** A script that never ends, or waits for a lock forever, fails with a finding that says which timeout to raise. */
class ScriptTimeoutTests {

    @TempDir
    Path dir;

    private final Database database = SharedServer.get().createDatabase("timeouts");

    @AfterEach
    void drop() {
        SharedServer.get().dropDatabase(database);
    }

    @Test
    void should_cancel_an_up_statement_that_runs_past_the_statement_timeout_naming_file_line_and_key() {
        MigrationFolder.in(dir)
                .file("harness.yaml", "statement-timeout: 1s\n")
                .file("migrations/V1__accounts.sql", "CREATE TABLE accounts (id int);\n\n-- a backfill that never ends\nSELECT pg_sleep(3600);\n");
        Migrator migrator = new Migrator(MigrationSetReader.read(dir, "sleepy"), database);
        long start = System.nanoTime();

        assertThatThrownBy(migrator::migrateAll)
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
                    assertThat(e.file()).hasValueSatisfying(f -> assertThat(f.getFileName()).hasToString("V1__accounts.sql"));
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessage("V1__accounts.sql line 4: timed out: the statement ran longer than the statement timeout (1s)"
                        + " and was cancelled by the server.\n"
                        + "If it really needs longer, raise it: --statement-timeout 4s, or statement-timeout: 4s in"
                        + " harness.yaml (0 = no limit).\n"
                        + "Server: ERROR: canceling statement due to statement timeout (SQL state 57014)\n"
                        + "Statement: SELECT pg_sleep(3600)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(Sql.column(database, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(3600)%'"))
                .containsExactly("0");
    }

    @Test
    void should_cancel_a_down_statement_that_runs_past_the_statement_timeout() {
        MigrationFolder.in(dir)
                .file("harness.yaml", "statement-timeout: 1500ms\n")
                .file("migrations/V1__accounts.sql", "CREATE TABLE accounts (id int);\n")
                .file("migrations/U1__accounts.sql", "SELECT pg_sleep(3600);\nDROP TABLE accounts;\n");
        Migrator migrator = new Migrator(MigrationSetReader.read(dir, "sleepy"), database);
        migrator.migrateAll();

        assertThatThrownBy(migrator::undoLast)
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageStartingWith("U1__accounts.sql line 1: timed out: the statement ran longer than the statement"
                        + " timeout (1500ms)")
                .hasMessageContaining("--statement-timeout 6s");
        assertThat(migrator.currentVersion()).contains("1"); // rolled back whole: still at version 1
    }

    @Test
    void should_give_up_waiting_for_a_lock_after_the_lock_timeout_and_say_another_session_holds_it() throws Exception {
        MigrationFolder.in(dir)
                .file("migrations/V1__accounts.sql", "CREATE TABLE accounts (id int);\n")
                .file("migrations/V2__add_email.sql", "ALTER TABLE accounts ADD COLUMN email text;\n");
        MigrationSet read = MigrationSetReader.read(dir, "locked");
        MigrationSet set = read.withConfig(read.config().withTimeouts(new Timeouts(null, Duration.ofMillis(500))));
        Migrator migrator = new Migrator(set, database);
        migrator.migrateTo("1");

        try (Connection holder = database.connect(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("LOCK TABLE accounts IN ACCESS SHARE MODE"); // a long report query, say

            assertThatThrownBy(migrator::migrateAll)
                    .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.line()).isEqualTo(1))
                    .hasMessageStartingWith("V2__add_email.sql line 1: timed out: the statement waited longer than the"
                            + " lock timeout for a lock that another session holds (500ms)")
                    .hasMessageContaining("Find what holds the lock; if the wait is expected, raise it: --lock-timeout 2s")
                    .hasMessageContaining("SQL state 55P03");
            holder.rollback();
        }
        assertThat(migrator.migrateAll().applied()).containsExactly("2");
    }

    @Test
    void should_run_without_limit_when_a_timeout_is_zero() {
        MigrationFolder.in(dir)
                .file("harness.yaml", "statement-timeout: 0\nlock-timeout: 0\n")
                .file("migrations/V1__wait.sql", "SELECT pg_sleep(1.2);\n");
        Migrator migrator = new Migrator(MigrationSetReader.read(dir, "patient"), database);

        assertThat(migrator.timeouts()).isEqualTo(new Timeouts(Duration.ZERO, Duration.ZERO));
        assertThat(migrator.migrateAll().applied()).containsExactly("1");
    }
}
