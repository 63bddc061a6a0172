package org.migrationharness.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/**
 * A reading with a {@link SchemaReader.Cache} takes unchanged tables from the cache: it must give exactly the snapshot
 * a reading without one gives, after any change to a copy of the database the cache has seen.
 */
class SchemaReaderCacheTest {

    private static final Set<String> HISTORY = Set.of("flyway_schema_history");
    private static PostgresServer server;
    private static Database rich;

    @BeforeAll
    static void buildRichDatabase() {
        server = SharedServer.get();
        Build.ensureRole();
        rich = server.createDatabase("cache_rich");
        Sql.execute(rich, SchemaReaderTest.RICH);
    }

    @Test
    void should_take_every_table_of_a_copy_from_the_cache() {
        SchemaReader.Cache cache = new SchemaReader.Cache();
        SchemaSnapshot original = SchemaReader.read(rich, List.of(), HISTORY, cache);
        Database copy = server.cloneDatabase(rich, "cache_copy");
        try {
            SchemaSnapshot fromCache = SchemaReader.read(copy, List.of(), HISTORY, cache);

            int tables = original.tables().size();
            int views = original.views().size();
            assertThat(cache.reused()).as("tables taken from the cache").isEqualTo(tables);
            assertThat(cache.read()).as("relations read: every table once, every view each time").isEqualTo(tables + 2L * views);
            assertThat(fromCache).isEqualTo(original).isEqualTo(SchemaReader.read(copy, List.of(), HISTORY));
        } finally {
            server.dropDatabase(copy);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE shop.accounts ADD COLUMN note text",
            "ALTER TABLE shop.accounts ALTER COLUMN name DROP DEFAULT",
            "ALTER TABLE shop.orders ALTER COLUMN code TYPE varchar(20)",
            "ALTER TABLE shop.accounts DROP CONSTRAINT ck_name",
            "ALTER TABLE shop.orders ADD CONSTRAINT fk_again FOREIGN KEY (account_id) REFERENCES shop.accounts NOT VALID",
            "COMMENT ON COLUMN shop.accounts.name IS 'changed'",
            "COMMENT ON INDEX shop.idx_orders_account IS 'by account'",
            "COMMENT ON CONSTRAINT ck_name ON shop.accounts IS 'named'",
            "COMMENT ON TRIGGER orders_touch ON shop.orders IS 'touches'",
            "COMMENT ON POLICY own_orders ON shop.orders IS 'own'",
            "ALTER INDEX shop.idx_orders_account RENAME TO idx_orders_by_account",
            "CREATE INDEX idx_cache_v ON shop.cache (v)",
            "ALTER TABLE shop.accounts RENAME TO customers",
            "ALTER TABLE shop.accounts RENAME COLUMN id TO account_id",
            "ALTER FUNCTION shop.touch() RENAME TO touched",
            "GRANT UPDATE ON shop.orders TO mh_schema_reader",
            "GRANT SELECT (name) ON shop.accounts TO mh_schema_reader",
            "DROP POLICY own_orders ON shop.orders",
            "ALTER TABLE shop.orders DISABLE TRIGGER orders_touch",
            "ALTER TABLE shop.orders SET (fillfactor = 80)",
            "ALTER TABLE shop.events DETACH PARTITION shop.events_2024",
            "ALTER TABLE shop.cache SET LOGGED",
            "ALTER TABLE shop.accounts FORCE ROW LEVEL SECURITY",
            "DROP TABLE shop.cache; CREATE TABLE shop.cache (k text PRIMARY KEY, v jsonb)",
            "CREATE VIEW shop.pro_accounts AS SELECT id FROM shop.accounts WHERE tier = 'pro'",
            "ALTER TABLE shop.accounts RENAME COLUMN name TO full_name"})
    void should_read_a_changed_copy_with_the_cache_as_without_it(String change) {
        SchemaReader.Cache cache = new SchemaReader.Cache();
        SchemaSnapshot original = SchemaReader.read(rich, List.of(), HISTORY, cache);
        Database copy = server.cloneDatabase(rich, "cache_changed");
        try {
            Sql.execute(copy, change);

            SchemaSnapshot fromCache = SchemaReader.read(copy, List.of(), HISTORY, cache);

            assertThat(fromCache).isEqualTo(SchemaReader.read(copy, List.of(), HISTORY)).isNotEqualTo(original);
            assertThat(cache.reused()).as("tables the change left alone come from the cache").isPositive();
        } finally {
            server.dropDatabase(copy);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALTER SCHEMA shop RENAME TO store", "ALTER TYPE shop.tier RENAME TO plan",
            "CREATE TYPE shop.mood AS ENUM ('ok')"})
    void should_read_every_table_again_when_a_schema_or_a_type_changes(String change) {
        SchemaReader.Cache cache = new SchemaReader.Cache();
        SchemaReader.read(rich, List.of(), HISTORY, cache);
        Database copy = server.cloneDatabase(rich, "cache_renamed");
        try {
            Sql.execute(copy, change);

            SchemaSnapshot fromCache = SchemaReader.read(copy, List.of(), HISTORY, cache);

            assertThat(fromCache).isEqualTo(SchemaReader.read(copy, List.of(), HISTORY));
            assertThat(cache.reused()).as("a table may name the schema or the type: none is taken from the cache")
                    .isZero();
        } finally {
            server.dropDatabase(copy);
        }
    }

    @Test
    void should_read_every_table_inside_the_callers_transaction() throws Exception {
        SchemaReader.Cache cache = new SchemaReader.Cache();
        Database copy = server.cloneDatabase(rich, "cache_in_transaction");
        try (java.sql.Connection connection = copy.connect()) {
            connection.setAutoCommit(false);
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE shop.cache ADD COLUMN at date");
                SchemaReader.read(connection, List.of(), HISTORY, cache);
                // the same transaction changes the column's row again: its xmin stays the same
                statement.execute("ALTER TABLE shop.cache ALTER COLUMN at SET NOT NULL");

                SchemaSnapshot second = SchemaReader.read(connection, List.of(), HISTORY, cache);

                assertThat(second.tables()).filteredOn(t -> t.name().equals("cache")).singleElement()
                        .satisfies(t -> assertThat(t.column("at").orElseThrow().notNull()).isTrue());
                assertThat(cache.reused()).isZero();
            } finally {
                connection.rollback();
            }
        } finally {
            server.dropDatabase(copy);
        }
    }
}
