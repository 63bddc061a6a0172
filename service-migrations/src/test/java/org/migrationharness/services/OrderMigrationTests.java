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

/**
 * Order V3: the address and payment method documents move from json to jsonb (and back on undo); V4: orders.item_count
 * is backfilled with the sum of the order's item quantities.
 */
@MigrationTest(service = "order")
class OrderMigrationTests {

    private static final String SCHEMA = "order_service";

    private static final String SHIPPING = """
            {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London", "postal_code": "SW1Y 4JH",
             "country": "GB"}""";
    private static final String BILLING = """
            {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London", "country": "GB",
             "vat_id": null}""";
    private static final String PAYMENT = """
            {"type": "card", "brand": "visa", "last4": "4242", "exp": {"month": 12, "year": 2027}}""";

    @Test
    void should_convert_addresses_and_payment_method_from_json_to_jsonb(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertOrders(database);

        migrator.migrateTo("3");

        assertThat(database.columnType(SCHEMA, "orders", "shipping_address")).isEqualTo("jsonb");
        assertThat(database.columnType(SCHEMA, "orders", "billing_address")).isEqualTo("jsonb");
        assertThat(database.columnType(SCHEMA, "orders", "payment_method")).isEqualTo("jsonb");
        assertThat(database.query("""
                SELECT id,
                       shipping_address = ?::jsonb AS shipping_same,
                       billing_address = ?::jsonb AS billing_same,
                       payment_method = ?::jsonb AS payment_same,
                       shipping_address @> '{"country": "GB"}' AS ships_to_gb,
                       payment_method -> 'exp' ->> 'year' AS card_year
                  FROM order_service.orders ORDER BY id""", SHIPPING, BILLING, PAYMENT))
                .extracting(r -> r.get("id"), r -> r.get("shipping_same"), r -> r.get("billing_same"),
                        r -> r.get("payment_same"), r -> r.get("ships_to_gb"), r -> r.get("card_year"))
                .containsExactly(
                        tuple("ord-1", true, true, true, true, "2027"),
                        tuple("ord-2", true, true, null, true, null)); // no payment method: stays NULL
    }

    @Test
    void should_convert_the_documents_back_to_json_with_every_key_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertOrders(database);
        migrator.migrateTo("3");

        migrator.undoTo("2");

        assertThat(database.columnType(SCHEMA, "orders", "shipping_address")).isEqualTo("json");
        assertThat(database.columnType(SCHEMA, "orders", "payment_method")).isEqualTo("json");
        assertThat(database.query("""
                SELECT id,
                       shipping_address::jsonb = ?::jsonb AS shipping_same,
                       billing_address::jsonb = ?::jsonb AS billing_same,
                       payment_method::jsonb = ?::jsonb AS payment_same,
                       payment_method IS NULL AS payment_null
                  FROM order_service.orders ORDER BY id""", SHIPPING, BILLING, PAYMENT))
                .extracting(r -> r.get("id"), r -> r.get("shipping_same"), r -> r.get("billing_same"),
                        r -> r.get("payment_same"), r -> r.get("payment_null"))
                .containsExactly(
                        tuple("ord-1", true, true, true, false),
                        tuple("ord-2", true, true, null, true));
    }

    @Test
    void should_backfill_item_count_with_the_sum_of_item_quantities(Migrator migrator, Database database) {
        migrator.migrateTo("3");
        insertOrders(database);
        insertItems(database);

        migrator.migrateTo("4");

        assertThat(database.query("SELECT id, item_count FROM order_service.orders ORDER BY id"))
                .extracting(r -> r.get("id"), r -> r.get("item_count"))
                .containsExactly(tuple("ord-1", 5), tuple("ord-2", 0));
    }

    @Test
    void should_drop_item_count_and_keep_the_items_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("3");
        insertOrders(database);
        insertItems(database);
        migrator.migrateTo("4");

        migrator.undoTo("3");

        assertThat(database.columnNames(SCHEMA, "orders")).doesNotContain("item_count");
        assertThat(database.queryForObject(Long.class, "SELECT sum(quantity) FROM order_service.order_items")).isEqualTo(5L);
    }

    @Test
    void should_have_jsonb_documents_item_count_and_order_status_enum(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).hasEnum("orderstatus", "PENDING_PAYMENT", "CONFIRMED", "PROCESSING",
                "FULFILLMENT_STARTED", "PICKED", "PACKAGED", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED");
        SchemaAssertions.assertThat(schema).table("orders").column("shipping_address").hasType("jsonb").isNotNull();
        SchemaAssertions.assertThat(schema).table("orders").column("item_count")
                .hasType("integer").isNotNull().hasDefault("0");
        SchemaAssertions.assertThat(schema).table("orders").hasIndex("idx_orders_customer_id_created_at");
    }

    /** Two orders with json documents written the way the Alembic-era service wrote them; ord-2 has no payment method. */
    private static void insertOrders(Database database) {
        database.query("""
                INSERT INTO order_service.orders (id, customer_id, status, subtotal, total_amount, currency,
                                                  shipping_address, billing_address, payment_method)
                VALUES ('ord-1', 'cust-1', 'CONFIRMED', 59.97, 64.96, 'GBP', ?::json, ?::json, ?::json),
                       ('ord-2', 'cust-2', 'PENDING_PAYMENT', 0, 0, 'USD', ?::json, ?::json, NULL)
                RETURNING id""", SHIPPING, BILLING, PAYMENT, SHIPPING, BILLING);
    }

    private static void insertItems(Database database) {
        database.execute("""
                INSERT INTO order_service.order_items (id, order_id, product_id, sku, name, quantity, unit_price,
                                                       total_price, warehouse_id)
                VALUES ('item-1', 'ord-1', 'prod-1', 'HP-BLK', 'Headphones, black', 2, 19.99, 39.98, 'wh-lon'),
                       ('item-2', 'ord-1', 'prod-2', 'CBL-USB', 'USB-C cable', 3, 6.66, 19.98, 'wh-lon')
                """);
    }
}
