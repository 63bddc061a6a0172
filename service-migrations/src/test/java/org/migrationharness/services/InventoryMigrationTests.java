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

/** Inventory V3: warehouses.region is derived from country_code (US -> NA, DE -> EU, JP -> APAC, anything else -> ROW). */
@MigrationTest(service = "inventory")
class InventoryMigrationTests {

    private static final String SCHEMA = "inventory_service";

    @Test
    void should_backfill_warehouse_region_from_country_code(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertWarehouses(database);

        migrator.migrateTo("3");

        assertThat(database.query("SELECT code, country_code, region FROM inventory_service.warehouses ORDER BY code"))
                .extracting(r -> r.get("code"), r -> r.get("country_code"), r -> r.get("region"))
                .containsExactly(
                        tuple("BER-1", "DE", "EU"),
                        tuple("NRT-1", "JP", "APAC"),
                        tuple("NYC-1", "US", "NA"),
                        tuple("SAO-1", "BR", "ROW"),
                        tuple("YYZ-1", "CA", "NA"));
    }

    @Test
    void should_drop_region_and_keep_warehouses_and_stock_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertWarehouses(database);
        migrator.migrateTo("3");

        migrator.undoTo("2");

        assertThat(database.columnNames(SCHEMA, "warehouses")).doesNotContain("region");
        assertThat(database.query("SELECT warehouse_code, sku, available FROM inventory_service.v_stock_availability"
                + " ORDER BY warehouse_code"))
                .extracting(r -> r.get("warehouse_code"), r -> r.get("sku"), r -> r.get("available"))
                .containsExactly(tuple("BER-1", "HP-BLK", 7), tuple("NYC-1", "HP-BLK", 40));
    }

    @Test
    void should_have_mandatory_region_defaulting_to_rest_of_world(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).table("warehouses").column("region")
                .hasType("character varying(8)").isNotNull().hasDefault("'ROW'::character varying");
        SchemaAssertions.assertThat(schema).table("stock_reservations").hasForeignKey(List.of("warehouse_id", "sku"),
                "stock_levels");
    }

    private static void insertWarehouses(Database database) {
        database.execute("""
                INSERT INTO inventory_service.warehouses (id, code, name, country_code, is_active) VALUES
                    ('0c6f1d0e-7a8b-4c9d-8e1f-2a3b4c5d6e01', 'NYC-1', 'New York fulfilment centre', 'US', true),
                    ('0c6f1d0e-7a8b-4c9d-8e1f-2a3b4c5d6e02', 'BER-1', 'Berlin fulfilment centre', 'DE', true),
                    ('0c6f1d0e-7a8b-4c9d-8e1f-2a3b4c5d6e03', 'NRT-1', 'Narita fulfilment centre', 'JP', true),
                    ('0c6f1d0e-7a8b-4c9d-8e1f-2a3b4c5d6e04', 'SAO-1', 'São Paulo store', 'BR', false),
                    ('0c6f1d0e-7a8b-4c9d-8e1f-2a3b4c5d6e05', 'YYZ-1', 'Toronto store', 'CA', false)
                """);
        database.execute("""
                INSERT INTO inventory_service.stock_levels (warehouse_id, sku, on_hand, reserved, reorder_point) VALUES
                    ('0c6f1d0e-7a8b-4c9d-8e1f-2a3b4c5d6e01', 'HP-BLK', 42, 2, 10),
                    ('0c6f1d0e-7a8b-4c9d-8e1f-2a3b4c5d6e02', 'HP-BLK', 7, 0, 5)
                """);
    }
}
