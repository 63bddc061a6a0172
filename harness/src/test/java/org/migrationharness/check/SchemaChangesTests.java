package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.report.SchemaChange;
import org.migrationharness.schema.SchemaDiff;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/** The schema change of a pull request in words and as a Mermaid ER diagram, on schemas built on a real server. */
class SchemaChangesTests {

    private static final String BASE = """
            CREATE SCHEMA shop;
            CREATE TYPE shop.tier AS ENUM ('basic', 'gold');
            CREATE TABLE shop.customers (id bigint PRIMARY KEY, email text NOT NULL, tier shop.tier, legacy_code text);
            CREATE TABLE shop.notes (id bigint PRIMARY KEY, body text);
            """;

    @Test
    void should_name_each_object_added_removed_and_changed_with_what_changed() {
        SchemaSnapshot before = snapshot(BASE);
        SchemaSnapshot after = snapshot(BASE + """
                ALTER TABLE shop.customers DROP COLUMN legacy_code, ALTER COLUMN email TYPE varchar(320);
                ALTER TABLE shop.customers ADD CONSTRAINT uq_customers_email UNIQUE (email);
                DROP TABLE shop.notes;
                CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES shop.customers (id),
                    total numeric(12, 2) NOT NULL);
                """);

        SchemaChange change = SchemaChanges.describe(SchemaDiff.between(before, after), after);

        assertThat(change.changes()).extracting(c -> c.kind().word() + " " + c.object())
                .containsExactly("changed table customers", "removed table notes", "added table orders");
        assertThat(change.changes().get(0).details()).containsExactly(
                "column email: type text -> character varying(320)",
                "removed column legacy_code (text)",
                "added constraint uq_customers_email (UNIQUE (email))",
                "added index uq_customers_email (CREATE UNIQUE INDEX uq_customers_email ON shop.customers USING btree (email))");
        assertThat(change.diagram()).isEqualTo("""
                erDiagram
                    customers {
                        bigint id PK
                        character_varying(320) email UK
                        shop_tier tier
                    }
                    orders {
                        bigint id PK
                        bigint customer_id FK
                        numeric(12_2) total
                    }
                    customers |o--o{ orders : "orders_customer_id_fkey"
                """);
    }

    @Test
    void should_have_no_change_and_no_diagram_for_the_same_schema() {
        SchemaSnapshot schema = snapshot(BASE);

        SchemaChange change = SchemaChanges.describe(SchemaDiff.between(schema, schema), schema);

        assertThat(change.changes()).isEmpty();
        assertThat(change.diagram()).isNull();
    }

    @Test
    void should_make_every_name_a_mermaid_word() {
        assertThat(SchemaChanges.word("timestamp with time zone")).isEqualTo("timestamp_with_time_zone");
        assertThat(SchemaChanges.word("\"Order Items\"")).isEqualTo("_Order_Items_");
        assertThat(SchemaChanges.word("1st")).isEqualTo("_1st");
        assertThat(SchemaChanges.word("int4[]")).isEqualTo("int4[]");
    }

    private static SchemaSnapshot snapshot(String sql) {
        PostgresServer server = SharedServer.get();
        Database database = server.createDatabase("change");
        try {
            Sql.execute(database, sql);
            return SchemaReader.read(database, List.of(), Set.of());
        } finally {
            server.dropDatabase(database);
        }
    }
}
