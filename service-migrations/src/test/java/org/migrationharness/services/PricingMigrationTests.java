package org.migrationharness.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.migrationharness.apply.Migrator;
import org.migrationharness.assertions.SchemaAssertions;
import org.migrationharness.junit.MigrationTest;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;

/** Pricing V3: prices.currency is copied from the currency of the row's price list. */
@MigrationTest(service = "pricing")
class PricingMigrationTests {

    private static final String SCHEMA = "pricing_service";

    @Test
    void should_copy_the_price_list_currency_onto_every_price(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertPriceLists(database);

        migrator.migrateTo("3");

        assertThat(database.query("""
                SELECT pl.code, p.sku, p.min_quantity, p.currency
                  FROM pricing_service.prices p JOIN pricing_service.price_lists pl ON pl.id = p.price_list_id
                 ORDER BY pl.code, p.sku, p.min_quantity"""))
                .extracting(r -> r.get("code"), r -> r.get("sku"), r -> r.get("min_quantity"), r -> r.get("currency"))
                .containsExactly(
                        tuple("retail-eu", "HP-BLK", 1, "EUR"),
                        tuple("retail-jp", "HP-BLK", 1, "JPY"),
                        tuple("retail-us", "CBL-USB", 1, "USD"),
                        tuple("retail-us", "HP-BLK", 1, "USD"),
                        tuple("retail-us", "HP-BLK", 10, "USD"));
    }

    @Test
    void should_drop_the_copied_currency_and_keep_the_prices_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertPriceLists(database);
        migrator.migrateTo("3");

        migrator.undoTo("2");

        assertThat(database.columnNames(SCHEMA, "prices")).doesNotContain("currency");
        assertThat(database.queryForObject(BigDecimal.class, "SELECT sum(unit_price) FROM pricing_service.prices"))
                .isEqualTo(new BigDecimal("4338.99"));
    }

    @Test
    void should_have_mandatory_price_currency_with_a_sku_lookup_index(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).table("prices")
                .hasIndex("idx_prices_sku_currency")
                .column("currency").hasType("character(3)").isNotNull().hasNoDefault();
        SchemaAssertions.assertThat(schema).table("price_lists").column("currency").hasDefault("'USD'::bpchar");
    }

    private static void insertPriceLists(Database database) {
        database.execute("""
                INSERT INTO pricing_service.price_lists (id, code, name, currency, is_default) VALUES
                    ('5b0b5d7e-9a52-4f0e-8d4b-6f1a2c3d4e01', 'retail-us', 'Retail US', 'USD', true),
                    ('5b0b5d7e-9a52-4f0e-8d4b-6f1a2c3d4e02', 'retail-eu', 'Retail EU', 'EUR', true),
                    ('5b0b5d7e-9a52-4f0e-8d4b-6f1a2c3d4e03', 'retail-jp', 'Retail Japan', 'JPY', false)
                """);
        database.execute("""
                INSERT INTO pricing_service.prices (price_list_id, sku, unit_price, compare_at_price, min_quantity) VALUES
                    ('5b0b5d7e-9a52-4f0e-8d4b-6f1a2c3d4e01', 'HP-BLK', 199.00, 249.00, 1),
                    ('5b0b5d7e-9a52-4f0e-8d4b-6f1a2c3d4e01', 'HP-BLK', 179.00, NULL, 10),
                    ('5b0b5d7e-9a52-4f0e-8d4b-6f1a2c3d4e01', 'CBL-USB', 9.99, NULL, 1),
                    ('5b0b5d7e-9a52-4f0e-8d4b-6f1a2c3d4e02', 'HP-BLK', 189.00, NULL, 1),
                    ('5b0b5d7e-9a52-4f0e-8d4b-6f1a2c3d4e03', 'HP-BLK', 3762.00, NULL, 1)
                """);
    }
}
