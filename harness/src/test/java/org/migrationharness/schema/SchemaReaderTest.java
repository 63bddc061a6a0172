package org.migrationharness.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

class SchemaReaderTest {

    /** A schema with one of nearly everything, used to show that equal builds give equal snapshots. */
    static final String RICH = """
            CREATE SCHEMA shop;
            CREATE EXTENSION pgcrypto;
            CREATE TYPE shop.tier AS ENUM ('free', 'pro');
            CREATE DOMAIN shop.email AS text NOT NULL DEFAULT 'x@y' CHECK (VALUE LIKE '%@%');
            CREATE TYPE shop.amount AS (value numeric(12,2), currency text COLLATE "C");
            CREATE TABLE shop.accounts (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL DEFAULT 'n',
                tier shop.tier NOT NULL DEFAULT 'free',
                email shop.email,
                doubled bigint GENERATED ALWAYS AS (id * 2) STORED,
                CONSTRAINT ck_name CHECK (name <> ''));
            CREATE TABLE shop.orders (
                id serial PRIMARY KEY,
                account_id bigint REFERENCES shop.accounts ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                placed_at timestamptz NOT NULL DEFAULT '2024-01-01 00:00:00+02',
                code text UNIQUE) WITH (fillfactor = 70);
            CREATE INDEX idx_orders_account ON shop.orders (account_id) INCLUDE (placed_at) WHERE id > 3;
            CREATE TABLE shop.events (id int, at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE shop.events_2024 PARTITION OF shop.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE UNLOGGED TABLE shop.cache (k text PRIMARY KEY, v jsonb);
            CREATE VIEW shop.account_names AS SELECT id, name FROM shop.accounts WHERE tier = 'pro';
            CREATE MATERIALIZED VIEW shop.order_counts AS SELECT account_id, count(*) AS n FROM shop.orders GROUP BY 1;
            CREATE SEQUENCE shop.invoice_number START 1000 INCREMENT 5 CACHE 10;
            CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
            CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();
            CREATE PROCEDURE shop.archive(days int) LANGUAGE sql AS 'SELECT 1';
            ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_orders ON shop.orders FOR SELECT USING (account_id > 0);
            COMMENT ON TABLE shop.accounts IS 'customers';
            COMMENT ON COLUMN shop.accounts.name IS 'display name';
            GRANT SELECT ON shop.accounts TO PUBLIC;
            REVOKE EXECUTE ON FUNCTION shop.touch() FROM PUBLIC;
            CREATE TABLE shop.flyway_schema_history (installed_rank int PRIMARY KEY);
            """;

    @Test
    void should_give_byte_identical_json_for_two_databases_built_the_same_way() {
        SchemaSnapshot first = Build.snapshot(RICH);
        SchemaSnapshot second = Build.snapshot(RICH);

        assertThat(SchemaDiff.between(first, second).isEmpty()).isTrue();
        assertThat(first).isEqualTo(second);
        assertThat(SchemaFiles.toJson(first)).isEqualTo(SchemaFiles.toJson(second));
    }

    @Test
    void should_read_every_kind_of_object_of_the_rich_schema() {
        SchemaSnapshot snapshot = Build.snapshot(List.of("shop"), RICH);

        assertThat(snapshot.schemas()).extracting(SchemaSnapshot.Namespace::name).containsExactly("shop");
        assertThat(snapshot.extensions()).extracting(SchemaSnapshot.Extension::name).containsExactly("pgcrypto");
        assertThat(snapshot.enums()).extracting(SchemaSnapshot.EnumType::labels).containsExactly(List.of("free", "pro"));
        assertThat(snapshot.domains()).singleElement().satisfies(d -> {
            assertThat(d.notNull()).isTrue();
            assertThat(d.defaultValue()).isEqualTo("'x@y'::text");
        });
        assertThat(snapshot.compositeTypes()).singleElement()
                .satisfies(t -> assertThat(t.attributes()).extracting(SchemaSnapshot.Attribute::collation)
                        .containsExactly(null, "C"));
        assertThat(snapshot.tables()).extracting(SchemaSnapshot.Table::name)
                .containsExactly("accounts", "cache", "events", "events_2024", "orders");
        assertThat(snapshot.table("cache").orElseThrow().unlogged()).isTrue();
        assertThat(snapshot.table("events").orElseThrow().kind()).isEqualTo("partitioned table");
        assertThat(snapshot.table("events_2024").orElseThrow().partitionOf()).isEqualTo("shop.events");
        SchemaSnapshot.Table accounts = snapshot.table("accounts").orElseThrow();
        assertThat(accounts.column("id").orElseThrow().identity()).isEqualTo("always");
        assertThat(accounts.column("doubled").orElseThrow().generated()).isEqualTo("(id * 2)");
        assertThat(accounts.column("tier").orElseThrow().type()).isEqualTo("shop.tier");
        assertThat(accounts.privileges()).containsExactly("PUBLIC: SELECT");
        SchemaSnapshot.Table orders = snapshot.table("orders").orElseThrow();
        assertThat(orders.constraints()).extracting(SchemaSnapshot.Constraint::name)
                .containsExactly("orders_account_id_fkey", "orders_code_key", "orders_pkey");
        assertThat(orders.indexes()).extracting(SchemaSnapshot.Index::name)
                .containsExactly("idx_orders_account", "orders_code_key", "orders_pkey");
        assertThat(orders.column("placed_at").orElseThrow().defaultValue())
                .isEqualTo("'2023-12-31 22:00:00+00'::timestamp with time zone");
        assertThat(orders.triggers()).extracting(SchemaSnapshot.Trigger::name).containsExactly("orders_touch");
        assertThat(orders.policies()).extracting(SchemaSnapshot.Policy::command).containsExactly("SELECT");
        assertThat(snapshot.views()).extracting(SchemaSnapshot.View::name, SchemaSnapshot.View::materialized)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("account_names", false),
                        org.assertj.core.groups.Tuple.tuple("order_counts", true));
        assertThat(snapshot.sequences()).extracting(SchemaSnapshot.Sequence::name, SchemaSnapshot.Sequence::ownedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("accounts_id_seq", "shop.accounts.id"),
                        org.assertj.core.groups.Tuple.tuple("invoice_number", null),
                        org.assertj.core.groups.Tuple.tuple("orders_id_seq", "shop.orders.id"));
        assertThat(snapshot.routines()).extracting(SchemaSnapshot.Routine::kind, SchemaSnapshot.Routine::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("procedure", "archive"),
                        org.assertj.core.groups.Tuple.tuple("function", "touch"));
    }

    @Test
    void should_leave_out_excluded_tables_and_extension_members() {
        SchemaSnapshot snapshot = Build.snapshot(List.of("shop"), RICH);

        assertThat(snapshot.table("flyway_schema_history")).isEmpty();
        assertThat(snapshot.routines()).extracting(SchemaSnapshot.Routine::name).doesNotContain("gen_random_uuid");
    }

    @Test
    void should_give_an_empty_diff_for_a_table_built_in_another_order() {
        SchemaSnapshot direct = Build.snapshot("""
                CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL, tier text DEFAULT 'free');
                CREATE TYPE plan AS ENUM ('free', 'pro', 'team');
                """);
        SchemaSnapshot rebuilt = Build.snapshot("""
                CREATE TABLE accounts (legacy int, id bigint, old_name varchar(10));
                ALTER TABLE accounts DROP COLUMN legacy;
                ALTER TABLE accounts DROP COLUMN old_name;
                ALTER TABLE accounts ADD COLUMN name text;
                UPDATE accounts SET name = '';
                ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;
                ALTER TABLE accounts ADD COLUMN tier text DEFAULT 'free';
                ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
                CREATE TYPE plan AS ENUM ('free', 'team');
                ALTER TYPE plan ADD VALUE 'pro' BEFORE 'team';
                """);

        SchemaDiff diff = SchemaDiff.between(direct, rebuilt);

        assertThat(diff.describe("direct", "rebuilt")).isEmpty();
        assertThat(SchemaFiles.toJson(rebuilt)).isEqualTo(SchemaFiles.toJson(direct));
    }

    @Test
    void should_read_only_the_given_schemas_and_qualify_names_when_there_are_several() {
        String sql = "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (id int); CREATE TABLE b.t (id int);";
        SchemaSnapshot onlyA = Build.snapshot(List.of("a"), sql);
        SchemaSnapshot both = Build.snapshot(List.of("a", "b"), sql, "ALTER TABLE b.t ADD COLUMN x int");

        assertThat(onlyA.tables()).extracting(SchemaSnapshot.Table::schema).containsExactly("a");
        assertThat(SchemaDiff.between(onlyA, both).describe("before", "after")).isEqualTo("""
                schema b: present after, absent before
                table b.t: present after, absent before""");
    }

    @Test
    void should_name_objects_without_schema_when_only_one_schema_is_read() {
        SchemaSnapshot before = Build.snapshot(List.of("app"), "CREATE SCHEMA app; CREATE TABLE app.t (id int)");
        SchemaSnapshot after = Build.snapshot(List.of("app"), "CREATE SCHEMA app; CREATE TABLE app.t (id bigint)");

        assertThat(SchemaDiff.between(before, after).objects()).containsExactly("table t");
    }

    @Test
    void should_list_the_differing_objects_in_kind_order() {
        SchemaSnapshot before = Build.snapshot("CREATE TABLE accounts (id int, tier text)");
        SchemaSnapshot after = Build.snapshot("CREATE TYPE account_tier AS ENUM ('free')",
                "CREATE TABLE accounts (id int, tier account_tier)");

        SchemaDiff diff = SchemaDiff.between(before, after);

        assertThat(diff.objects()).containsExactly("type account_tier", "table accounts");
        assertThat(diff.differences()).containsExactly(
                new Difference("type account_tier", null, null, Difference.PRESENT),
                new Difference("table accounts", "column tier: type", "text", "public.account_tier"));
    }

    @Test
    void should_read_inside_the_callers_transaction_and_restore_its_settings() throws SQLException {
        PostgresServer server = SharedServer.get();
        Database database = server.createDatabase("schema");
        try (Connection connection = database.connect()) {
            Sql.execute(database, "CREATE TABLE t (id int)");
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path = public");
                statement.execute("CREATE TABLE inside (id int)");

                SchemaSnapshot snapshot = SchemaReader.read(connection, List.of("public"), Set.of());

                assertThat(snapshot.tables()).extracting(SchemaSnapshot.Table::name).containsExactly("inside", "t");
                try (ResultSet rs = statement.executeQuery("SHOW search_path")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("public");
                }
            }
            connection.rollback();
        } finally {
            server.dropDatabase(database);
        }
    }
}
