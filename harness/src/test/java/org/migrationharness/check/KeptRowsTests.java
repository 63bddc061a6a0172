package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.testing.SharedServer;

/** The rows kept before a migration and what a rollback did not give back, on a real server. */
class KeptRowsTests {

    private final PostgresServer server = SharedServer.get();
    private Database database;

    @BeforeEach
    void createDatabase() {
        database = server.createDatabase("kept");
        database.execute("CREATE TYPE tier AS ENUM ('basic', 'gold')");
        database.execute("CREATE TABLE customers (id bigint PRIMARY KEY, full_name text NOT NULL, price numeric(10,2),"
                + " tier tier)");
        database.execute("INSERT INTO customers SELECT g, 'name ' || g, g + 0.25, 'gold' FROM generate_series(1, 1000) g");
        database.execute("CREATE TABLE events (kind text, at int)");
        database.execute("INSERT INTO events SELECT 'k' || (g % 7), g FROM generate_series(1, 300) g");
    }

    @AfterEach
    void dropDatabase() {
        server.dropDatabase(database);
    }

    private KeptRows keep() {
        SchemaSnapshot snapshot = SchemaReader.read(database, List.of(), Set.of());
        return KeptRows.keep(database, snapshot);
    }

    @Test
    void should_find_nothing_lost_when_the_rows_and_values_come_back() {
        try (KeptRows kept = keep()) {
            database.execute("ALTER TABLE customers ADD COLUMN email text");
            database.execute("ALTER TABLE customers DROP COLUMN email");
            database.execute("ALTER TABLE customers ALTER COLUMN price TYPE numeric(12,2)");
            database.execute("ALTER TABLE customers ALTER COLUMN price TYPE numeric(10,2)");

            assertThat(kept.losses()).isEmpty();
        }
    }

    @Test
    void should_report_a_column_dropped_and_added_again_as_values_lost_in_every_row() {
        try (KeptRows kept = keep()) {
            database.execute("ALTER TABLE customers DROP COLUMN full_name");
            database.execute("ALTER TABLE customers ADD COLUMN full_name text");

            assertThat(kept.losses()).extracting(Measured.Loss::table, Measured.Loss::column, Measured.Loss::rows,
                    Measured.Loss::of, Measured.Loss::how)
                    .containsExactly(tuple("customers", "full_name", 1000L, 1000L, "values differ"));
        }
    }

    @Test
    void should_report_values_truncated_by_a_type_changed_and_back() {
        try (KeptRows kept = keep()) {
            database.execute("ALTER TABLE customers ALTER COLUMN price TYPE integer");
            database.execute("ALTER TABLE customers ALTER COLUMN price TYPE numeric(10,2)");

            assertThat(kept.losses()).extracting(Measured.Loss::column, Measured.Loss::rows)
                    .containsExactly(tuple("price", 1000L));
        }
    }

    @Test
    void should_report_missing_rows_a_missing_column_and_a_missing_table() {
        try (KeptRows kept = keep()) {
            database.execute("DELETE FROM customers WHERE id <= 10");
            database.execute("ALTER TABLE customers DROP COLUMN tier");
            database.execute("DROP TYPE tier");
            database.execute("DROP TABLE events");

            assertThat(kept.losses()).extracting(Measured.Loss::table, Measured.Loss::column, Measured.Loss::rows,
                    Measured.Loss::how)
                    .containsExactlyInAnyOrder(tuple("customers", null, 10L, "rows are gone"),
                            tuple("customers", "tier", 990L, "the column is gone"),
                            tuple("events", null, 300L, "the table is gone"));
        }
    }

    @Test
    void should_compare_a_table_without_a_primary_key_as_a_bag_of_rows() {
        try (KeptRows kept = keep()) {
            database.execute("UPDATE events SET kind = 'x' WHERE at <= 5");

            assertThat(kept.losses()).extracting(Measured.Loss::table, Measured.Loss::rows)
                    .containsExactly(tuple("events", 5L));
        }
    }
}
