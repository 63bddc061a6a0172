package org.migrationharness.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.migrationharness.apply.Migrator;
import org.migrationharness.assertions.SchemaAssertions;
import org.migrationharness.junit.MigrationTest;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;

/** Customer V3: customers.full_name is split into first_name and last_name; U3 restores full_name. */
@MigrationTest(service = "customer")
class CustomerMigrationTests {

    private static final String SCHEMA = "customer_service";

    @Test
    void should_split_full_name_into_first_and_last_name(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertCustomers(database);

        migrator.migrateTo("3");

        assertThat(database.query("SELECT email, first_name, last_name FROM customer_service.customers ORDER BY email"))
                .extracting(r -> r.get("email"), r -> r.get("first_name"), r -> r.get("last_name"))
                .containsExactly(
                        tuple("ada@example.com", "Ada", "Lovelace"),
                        tuple("cher@example.com", "Cher", null),
                        tuple("grace@example.com", "Grace", "Brewster  Hopper"),
                        tuple("jose@example.com", "José", "García Márquez"));
    }

    @Test
    void should_restore_full_name_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertCustomers(database);
        migrator.migrateTo("3");

        migrator.undoTo("2");

        assertThat(database.columnNames(SCHEMA, "customers")).doesNotContain("first_name", "last_name");
        assertThat(database.query("SELECT email, full_name FROM customer_service.customers ORDER BY email"))
                .extracting(r -> r.get("email"), r -> r.get("full_name"))
                .containsExactly(
                        tuple("ada@example.com", "Ada Lovelace"),
                        tuple("cher@example.com", "Cher"),
                        tuple("grace@example.com", "  Grace Brewster  Hopper "),
                        tuple("jose@example.com", "José García Márquez"));
    }

    @Test
    void should_rebuild_full_name_of_customers_written_after_the_split_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("3");
        database.execute("""
                INSERT INTO customer_service.customers (email, first_name, last_name) VALUES
                    ('alan@example.com', 'Alan', 'Turing'),
                    ('prince@example.com', 'Prince', NULL)
                """);
        database.execute("""
                INSERT INTO customer_service.customers (email, full_name, first_name, last_name) VALUES
                    ('mary@example.com', 'Mary Shelley', 'Mary', 'Wollstonecraft Shelley')
                """);

        migrator.undoTo("2");

        assertThat(database.query("SELECT email, full_name FROM customer_service.customers ORDER BY email"))
                .extracting(r -> r.get("email"), r -> r.get("full_name"))
                .containsExactly(
                        tuple("alan@example.com", "Alan Turing"),
                        tuple("mary@example.com", "Mary Wollstonecraft Shelley"),
                        tuple("prince@example.com", "Prince"));
    }

    @Test
    void should_have_mandatory_first_name_and_optional_last_and_full_name(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).table("customers").column("first_name")
                .hasType("character varying(100)").isNotNull();
        SchemaAssertions.assertThat(schema).table("customers").column("last_name")
                .hasType("character varying(100)").isNullable();
        SchemaAssertions.assertThat(schema).table("customers").column("full_name").isNullable();
        SchemaAssertions.assertThat(schema).table("customer_addresses")
                .hasIndex("idx_customer_addresses_country_code_postal_code");
    }

    /** Rows satisfy V1/V2's checks: e-mail format and E.164 phone numbers. */
    private static void insertCustomers(Database database) {
        database.execute("""
                INSERT INTO customer_service.customers (email, full_name, phone, preferred_locale) VALUES
                    ('ada@example.com', 'Ada Lovelace', '+442079460000', 'en-GB'),
                    ('cher@example.com', 'Cher', NULL, 'en-US'),
                    ('grace@example.com', '  Grace Brewster  Hopper ', '+12025550143', 'en-US'),
                    ('jose@example.com', 'José García Márquez', '+34915550123', 'es-ES')
                """);
    }
}
