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

/** Shipping V3: shipments.weight_grams integer becomes weight_kg numeric(8,3); U3 converts back to exact grams. */
@MigrationTest(service = "shipping")
class ShippingMigrationTests {

    private static final String SCHEMA = "shipping_service";

    @Test
    void should_convert_shipment_weight_from_grams_to_kilograms(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertShipments(database);

        migrator.migrateTo("3");

        assertThat(database.columnType(SCHEMA, "shipments", "weight_kg")).isEqualTo("numeric(8,3)");
        assertThat(database.columnNames(SCHEMA, "shipments")).doesNotContain("weight_grams");
        assertThat(database.query("SELECT tracking_number, weight_kg FROM shipping_service.shipments"
                + " ORDER BY tracking_number"))
                .extracting(r -> r.get("tracking_number"), r -> r.get("weight_kg"))
                .containsExactly(
                        tuple("1Z999AA10123456784", new BigDecimal("1.250")),
                        tuple("JD014600006281234567", new BigDecimal("0.001")),
                        tuple("JD014600006281234568", new BigDecimal("31.500")));
    }

    @Test
    void should_restore_weight_in_grams_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertShipments(database);
        migrator.migrateTo("3");

        migrator.undoTo("2");

        assertThat(database.columnType(SCHEMA, "shipments", "weight_grams")).isEqualTo("integer");
        assertThat(database.query("SELECT tracking_number, weight_grams FROM shipping_service.shipments"
                + " ORDER BY tracking_number"))
                .extracting(r -> r.get("tracking_number"), r -> r.get("weight_grams"))
                .containsExactly(
                        tuple("1Z999AA10123456784", 1250),
                        tuple("JD014600006281234567", 1),
                        tuple("JD014600006281234568", 31500));
    }

    @Test
    void should_have_kilogram_weights_and_the_shipment_status_enum(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).hasEnum("shipment_status",
                "label_created", "in_transit", "out_for_delivery", "delivered", "exception", "returned");
        SchemaAssertions.assertThat(schema).table("shipments").column("weight_kg").hasType("numeric(8,3)").isNotNull();
        SchemaAssertions.assertThat(schema).table("tracking_events").hasIndex("idx_tracking_events_shipment_id_occurred_at");
    }

    /** The delivered shipment satisfies V2's check: delivered_at after shipped_at. */
    private static void insertShipments(Database database) {
        database.execute("""
                INSERT INTO shipping_service.carriers (code, name, tracking_url_template) VALUES
                    ('ups', 'UPS', 'https://www.ups.com/track?tracknum={trackingNumber}'),
                    ('dhl', 'DHL Express', NULL)
                """);
        database.execute("""
                INSERT INTO shipping_service.shipments (order_id, carrier_id, tracking_number, status, weight_grams, ship_to,
                                                        shipped_at, delivered_at, service_level)
                SELECT v.order_id, c.id, v.tracking_number, v.status::shipping_service.shipment_status, v.weight_grams,
                       v.ship_to::jsonb, v.shipped_at::timestamptz, v.delivered_at::timestamptz, v.service_level
                  FROM (VALUES
                        ('ord-1', 'ups', '1Z999AA10123456784', 'delivered', 1250, '{"city": "Boston", "country": "US"}',
                         '2025-03-01 10:00:00+00', '2025-03-03 15:20:00+00', 'express'),
                        ('ord-2', 'dhl', 'JD014600006281234567', 'in_transit', 1, '{"city": "Köln", "country": "DE"}',
                         '2025-03-02 08:00:00+00', NULL, 'standard'),
                        ('ord-2', 'dhl', 'JD014600006281234568', 'label_created', 31500, '{"city": "Köln", "country": "DE"}',
                         NULL, NULL, 'economy')
                       ) AS v (order_id, carrier, tracking_number, status, weight_grams, ship_to, shipped_at, delivered_at,
                               service_level)
                  JOIN shipping_service.carriers c ON c.code = v.carrier
                """);
    }
}
