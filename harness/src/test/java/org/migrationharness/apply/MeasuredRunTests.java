package org.migrationharness.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/**
 * {@link MeasuredRun} on a real server: the locks, rewrites and scans a script causes on the tables that existed
 * before it, statement by statement, run as each format's tool runs it.
 */
class MeasuredRunTests {

    private static final String ORDERS = "CREATE TABLE orders (id bigint PRIMARY KEY, status text, amount int,"
            + " code varchar(10), customer_id bigint);\n";
    private static final String CUSTOMERS = "CREATE TABLE customers (id bigint PRIMARY KEY);\n";
    private static final String FILL = "INSERT INTO customers SELECT g FROM generate_series(1, 100) g;"
            + " INSERT INTO orders SELECT g, 'new', g, 'c', 1 + g % 100 FROM generate_series(1, 20000) g";
    private static final long ROWS = 20_000;

    @TempDir
    Path dir;

    private final Database database = SharedServer.get().createDatabase("measured_run");

    @AfterEach
    void drop() {
        SharedServer.get().dropDatabase(database);
    }

    /** A Flyway set: V1 creates the tables, V2 is measured; {@code conf} is V2's script configuration, or null. */
    private MigrationSet flyway(String v2, String conf) {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("flyway")).file("V1__tables.sql", ORDERS + CUSTOMERS)
                .file("V2__change.sql", v2);
        if (conf != null) {
            folder.file("V2__change.sql.conf", conf);
        }
        return MigrationSetReader.read(folder.path(), "shop");
    }

    /** Applies the set's first migration, fills the tables with {@code fill}, measures the second's up script. */
    private ScriptMeasurement measureSecond(MigrationSet set, String fill) {
        new Migrator(set, database).migrateTo(set.migrations().get(0).version().text());
        Sql.execute(database, fill);
        Migration second = set.migrations().get(1);
        return MeasuredRun.run(set, database, second, second.up(), true);
    }

    private ScriptMeasurement measureFlyway(String v2) {
        return measureSecond(flyway(v2, null), FILL);
    }

    private static TableObservation table(ScriptMeasurement measurement, String name) {
        return measurement.tables().stream().filter(t -> t.table().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> modes(TableObservation table) {
        return table.locks().stream().map(HeldLock::mode).toList();
    }

    private static HeldLock lock(TableObservation table, String mode) {
        return table.locks().stream().filter(l -> l.mode().equals(mode)).findFirst().orElseThrow(
                () -> new AssertionError(mode + " not among " + table.locks()));
    }

    @Test
    void set_not_null_takes_access_exclusive_and_scans_the_table_without_rewriting_it() {
        ScriptMeasurement m = measureFlyway("ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n");

        assertThat(m.transactional()).isTrue();
        TableObservation orders = table(m, "orders");
        assertThat(orders.rows()).isEqualTo(ROWS);
        HeldLock exclusive = lock(orders, "AccessExclusiveLock");
        assertThat(exclusive.takenBy()).isZero();
        assertThat(exclusive.blocksReads()).isTrue();
        assertThat(exclusive.readableMode()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(exclusive.heldNanos()).isPositive();
        assertThat(orders.scannedBy()).containsExactly(0);
        assertThat(orders.seqTuplesRead()).isGreaterThanOrEqualTo(ROWS);
        assertThat(orders.rewritten()).isFalse();
        assertThat(orders.rewrittenBy()).isNull();
        assertThat(orders.dropped()).isFalse();
        TableObservation customers = table(m, "customers");
        assertThat(customers.locks()).isEmpty();
        assertThat(customers.scannedBy()).isEmpty();
        assertThat(m.statements()).singleElement().satisfies(s -> {
            assertThat(s.index()).isZero();
            assertThat(s.line()).isEqualTo(1);
            assertThat(s.sql()).isEqualTo("ALTER TABLE orders ALTER COLUMN status SET NOT NULL");
            assertThat(s.nonTransactional()).isFalse();
        });
        System.out.printf("observation overhead: %.3f ms for %d statement(s) (with the baseline)%n",
                m.observationNanos() / 1e6, m.statements().size());
    }

    @Test
    void the_observations_between_statements_take_little_time() {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            script.append("UPDATE orders SET amount = amount WHERE id = ").append(i + 1).append(";\n");
        }
        ScriptMeasurement m = measureFlyway(script.toString());

        System.out.printf("observation overhead: %.3f ms in all, %.3f ms per statement (%d statements)%n",
                m.observationNanos() / 1e6, m.observationNanos() / 1e6 / (m.statements().size() + 1),
                m.statements().size());
        assertThat(lock(table(m, "orders"), "RowExclusiveLock").takenBy()).isZero();
        assertThat(table(m, "orders").scannedBy()).isEmpty();
    }

    @Test
    void changing_int_to_bigint_rewrites_the_table() {
        ScriptMeasurement m = measureFlyway("SELECT 1;\nALTER TABLE orders ALTER COLUMN amount TYPE bigint;\n");

        TableObservation orders = table(m, "orders");
        assertThat(orders.rewritten()).isTrue();
        assertThat(orders.rewrittenBy()).isEqualTo(1);
        assertThat(lock(orders, "AccessExclusiveLock").takenBy()).isEqualTo(1);
    }

    @Test
    void widening_a_varchar_neither_rewrites_nor_scans_the_table() {
        ScriptMeasurement m = measureFlyway("ALTER TABLE orders ALTER COLUMN code TYPE varchar(20);\n");

        TableObservation orders = table(m, "orders");
        assertThat(orders.rewritten()).isFalse();
        assertThat(orders.scannedBy()).isEmpty();
        assertThat(modes(orders)).contains("AccessExclusiveLock");
    }

    @Test
    void adding_a_column_with_a_volatile_default_rewrites_the_table() {
        ScriptMeasurement m = measureFlyway("ALTER TABLE orders ADD COLUMN seen timestamptz DEFAULT clock_timestamp();\n");

        assertThat(table(m, "orders").rewritten()).isTrue();
        assertThat(table(m, "orders").rewrittenBy()).isZero();
    }

    @Test
    void adding_a_column_with_a_constant_default_neither_rewrites_nor_scans_the_table() {
        ScriptMeasurement m = measureFlyway("ALTER TABLE orders ADD COLUMN y int DEFAULT 0;\n");

        TableObservation orders = table(m, "orders");
        assertThat(orders.rewritten()).isFalse();
        assertThat(orders.scannedBy()).isEmpty();
        assertThat(orders.seqTuplesRead()).isZero();
        assertThat(modes(orders)).contains("AccessExclusiveLock");
    }

    @Test
    void create_index_takes_a_share_lock_that_blocks_writes_not_reads_and_scans_the_table() {
        ScriptMeasurement m = measureFlyway("CREATE INDEX orders_status ON orders (status);\n");

        TableObservation orders = table(m, "orders");
        HeldLock share = lock(orders, "ShareLock");
        assertThat(share.takenBy()).isZero();
        assertThat(share.blocksWrites()).isTrue();
        assertThat(share.blocksReads()).isFalse();
        assertThat(orders.scannedBy()).containsExactly(0);
        assertThat(orders.seqTuplesRead()).isGreaterThanOrEqualTo(ROWS);
    }

    @Test
    void a_foreign_key_locks_both_tables_in_share_row_exclusive_and_scans_the_referencing_one_unless_not_valid() {
        ScriptMeasurement m = measureFlyway("ALTER TABLE orders ADD CONSTRAINT orders_customer"
                + " FOREIGN KEY (customer_id) REFERENCES customers (id);\n");

        assertThat(modes(table(m, "orders"))).contains("ShareRowExclusiveLock");
        assertThat(modes(table(m, "customers"))).contains("ShareRowExclusiveLock");
        assertThat(lock(table(m, "orders"), "ShareRowExclusiveLock").blocksWrites()).isTrue();
        assertThat(table(m, "orders").scannedBy()).containsExactly(0);
        assertThat(table(m, "orders").seqTuplesRead()).isGreaterThanOrEqualTo(ROWS);
    }

    @Test
    void a_foreign_key_not_valid_does_not_scan() {
        ScriptMeasurement m = measureFlyway("ALTER TABLE orders ADD CONSTRAINT orders_customer"
                + " FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n");

        assertThat(modes(table(m, "orders"))).contains("ShareRowExclusiveLock");
        assertThat(modes(table(m, "customers"))).contains("ShareRowExclusiveLock");
        assertThat(table(m, "orders").scannedBy()).isEmpty();
        assertThat(table(m, "customers").scannedBy()).isEmpty();
    }

    @Test
    void the_scripts_own_lock_timeout_is_seen_after_its_set_and_zero_without_one() {
        ScriptMeasurement with = measureFlyway("SET lock_timeout = '2s';\n"
                + "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\nSELECT 1;\n");

        assertThat(with.statements()).extracting(StatementMeasurement::lockTimeoutMillis).containsExactly(2000L, 2000L,
                2000L);
        assertThat(with.statements()).extracting(StatementMeasurement::line).containsExactly(1, 2, 3);
        assertThat(lock(table(with, "orders"), "AccessExclusiveLock").takenBy()).isEqualTo(1);
    }

    @Test
    void without_a_set_the_lock_timeout_is_zero_whatever_the_harness_configures() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("timeouts")).file("V1__tables.sql", ORDERS + CUSTOMERS)
                .file("V2__change.sql", "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n")
                .file("harness.yaml", "lock-timeout: 5s\n");
        ScriptMeasurement m = measureSecond(MigrationSetReader.read(folder.path(), "shop"), FILL);

        assertThat(m.statements()).extracting(StatementMeasurement::lockTimeoutMillis).containsExactly(0L);
    }

    @Test
    void a_lock_is_held_until_the_commit_long_after_the_statement_that_took_it() {
        ScriptMeasurement m = measureFlyway("ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n"
                + "SELECT pg_sleep(0.3);\n");

        HeldLock exclusive = lock(table(m, "orders"), "AccessExclusiveLock");
        assertThat(exclusive.takenBy()).isZero();
        assertThat(exclusive.heldNanos()).isGreaterThanOrEqualTo(300_000_000L);
        assertThat(m.statements().get(1).durationNanos()).isGreaterThanOrEqualTo(300_000_000L);
        assertThat(m.durationNanos()).isGreaterThanOrEqualTo(300_000_000L);
    }

    @Test
    void a_dropped_table_is_reported_dropped_with_its_lock() {
        ScriptMeasurement m = measureFlyway("DROP TABLE orders;\n");

        TableObservation orders = table(m, "orders");
        assertThat(orders.dropped()).isTrue();
        assertThat(lock(orders, "AccessExclusiveLock").takenBy()).isZero();
        assertThat(table(m, "customers").dropped()).isFalse();
    }

    @Test
    void flyway_execute_in_transaction_false_runs_create_index_concurrently_outside_a_transaction() {
        MigrationSet set = flyway("CREATE INDEX CONCURRENTLY orders_status ON orders (status);\n",
                "executeInTransaction=false\n");
        ScriptMeasurement m = measureSecond(set, FILL.replace("20000", "200000"));

        assertThat(m.transactional()).isFalse();
        assertThat(m.statements()).singleElement().satisfies(s -> assertThat(s.nonTransactional()).isTrue());
        TableObservation orders = table(m, "orders");
        HeldLock lock = lock(orders, "ShareUpdateExclusiveLock");
        assertThat(lock.takenBy()).isZero();
        assertThat(lock.blocksWrites()).isFalse();
        assertThat(lock.heldNanos()).isEqualTo(m.statements().get(0).durationNanos());
        assertThat(orders.scannedBy()).containsExactly(0);
        assertThat(orders.seqTuplesRead()).isGreaterThanOrEqualTo(200_000L);
    }

    @Test
    void goose_no_transaction_runs_each_statement_on_its_own_and_measures_up_and_down() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("goose")).file("harness.yaml", "format: goose\n")
                .file("1_tables.sql", "-- +goose Up\n" + ORDERS + CUSTOMERS + "\n-- +goose Down\nDROP TABLE orders;\n"
                        + "DROP TABLE customers;\n")
                .file("2_index.sql", "-- +goose NO TRANSACTION\n-- +goose Up\n"
                        + "CREATE INDEX CONCURRENTLY orders_status ON orders (status);\n"
                        + "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n"
                        + "-- +goose Down\nDROP INDEX CONCURRENTLY orders_status;\n");
        MigrationSet set = MigrationSetReader.read(folder.path(), "shop");
        ScriptMeasurement m = measureSecond(set, FILL.replace("20000", "200000"));

        assertThat(m.transactional()).isFalse();
        assertThat(m.statements()).extracting(StatementMeasurement::line).containsExactly(3, 4);
        assertThat(m.statements()).allSatisfy(s -> assertThat(s.nonTransactional()).isTrue());
        TableObservation orders = table(m, "orders");
        assertThat(lock(orders, "ShareUpdateExclusiveLock").takenBy()).isZero();
        assertThat(orders.scannedBy()).contains(0, 1);

        Migration second = set.migrations().get(1);
        // the measured up script is applied: its down can run now
        ScriptMeasurement down = MeasuredRun.run(set, database, second, second.downScript().orElseThrow(), false);
        assertThat(down.up()).isFalse();
        assertThat(down.statements()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(6);
            assertThat(s.nonTransactional()).isTrue();
        });
        assertThat(table(down, "orders").scannedBy()).isEmpty();
    }

    @Test
    void goose_without_annotation_runs_the_script_in_one_transaction() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("goose")).file("harness.yaml", "format: goose\n")
                .file("1_tables.sql", "-- +goose Up\n" + ORDERS + CUSTOMERS + "\n-- +goose Down\nDROP TABLE orders;\n"
                        + "DROP TABLE customers;\n")
                .file("2_status.sql", "-- +goose Up\nALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n"
                        + "SELECT pg_sleep(0.1);\n-- +goose Down\nALTER TABLE orders ALTER COLUMN status DROP NOT NULL;\n");
        ScriptMeasurement m = measureSecond(MigrationSetReader.read(folder.path(), "shop"), FILL);

        assertThat(m.transactional()).isTrue();
        assertThat(m.statements()).noneMatch(StatementMeasurement::nonTransactional);
        assertThat(lock(table(m, "orders"), "AccessExclusiveLock").heldNanos()).isGreaterThanOrEqualTo(100_000_000L);
    }

    @Test
    void golang_migrate_runs_a_whole_script_as_one_transaction_and_a_single_statement_on_its_own() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("golang")).file("harness.yaml", "format: golang-migrate\n")
                .file("migrations/1_tables.up.sql", ORDERS + CUSTOMERS)
                .file("migrations/1_tables.down.sql", "DROP TABLE orders;\nDROP TABLE customers;\n")
                .file("migrations/2_status.up.sql", "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n"
                        + "SELECT pg_sleep(0.1);\n")
                .file("migrations/2_status.down.sql", "ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;\n");
        MigrationSet set = MigrationSetReader.read(folder.path(), "shop");
        ScriptMeasurement up = measureSecond(set, FILL);

        assertThat(up.transactional()).isTrue();
        assertThat(lock(table(up, "orders"), "AccessExclusiveLock").heldNanos()).isGreaterThanOrEqualTo(100_000_000L);

        Migration second = set.migrations().get(1);
        // the measured up script is applied: its down can run now
        ScriptMeasurement down = MeasuredRun.run(set, database, second, second.downScript().orElseThrow(), false);
        assertThat(down.transactional()).isFalse();
        assertThat(down.statements()).singleElement().satisfies(s -> assertThat(s.nonTransactional()).isTrue());
    }

    @Test
    void the_bookkeeping_table_is_neither_touched_nor_observed() {
        MigrationSet set = flyway("ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n", null);
        ScriptMeasurement m = measureSecond(set, FILL);

        Migrator migrator = new Migrator(set, database);
        assertThat(migrator.appliedVersions()).containsExactly("1");
        assertThat(m.tables()).extracting(TableObservation::table).containsExactlyInAnyOrder("orders", "customers");
        assertThat(Sql.column(database, "SELECT count(*) FROM flyway_schema_history")).containsExactly("1");
    }

    @Test
    void a_failing_statement_names_its_file_and_line_and_is_rolled_back() {
        MigrationSet set = flyway("ALTER TABLE orders ADD COLUMN note text;\n\nSELECT 1/0;\n", null);

        assertThatThrownBy(() -> measureSecond(set, FILL))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessageStartingWith("V2__change.sql line 3: ERROR: division by zero");
        assertThat(Sql.column(database, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"))
                .containsExactly("0");
    }

    @Test
    void lock_modes_block_as_the_conflict_table_says() {
        assertThat(LockMode.of("AccessExclusiveLock").blocksReads()).isTrue();
        assertThat(LockMode.of("ExclusiveLock").blocksReads()).isFalse();
        assertThat(List.of(LockMode.values())).filteredOn(LockMode::blocksWrites).containsExactly(LockMode.SHARE,
                LockMode.SHARE_ROW_EXCLUSIVE, LockMode.EXCLUSIVE, LockMode.ACCESS_EXCLUSIVE);
        assertThat(LockMode.SHARE_UPDATE_EXCLUSIVE.conflictsWith(LockMode.SHARE_UPDATE_EXCLUSIVE)).isTrue();
        assertThat(LockMode.SHARE.conflictsWith(LockMode.SHARE)).isFalse();
        for (LockMode a : LockMode.values()) {
            for (LockMode b : LockMode.values()) {
                assertThat(a.conflictsWith(b)).as(a + " / " + b).isEqualTo(b.conflictsWith(a));
            }
        }
        assertThat(LockMode.of("share row exclusive")).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(MeasuredRun.millis("2s")).isEqualTo(2000);
        assertThat(MeasuredRun.millis("1min")).isEqualTo(60_000);
        assertThat(MeasuredRun.millis("0")).isZero();
    }
}
