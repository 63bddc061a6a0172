package org.migrationharness.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.migrationharness.apply.Migrator;
import org.migrationharness.assertions.SchemaAssertions;
import org.migrationharness.junit.MigrationTest;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;

/**
 * Analytics V2: April 2025 events move from the default partition into the new events_2025_04 partition (and back
 * on undo). V3: a numeric properties.revenue moves into the revenue column; non-numeric values stay; U3 puts it back.
 */
@MigrationTest(service = "analytics")
class AnalyticsMigrationTests {

    private static final String SCHEMA = "analytics_service";

    private static final String ORDER_PROPERTIES = """
            {"order_id": "ord-1", "revenue": 129.90, "currency": "USD", "items": 2}""";
    private static final String TEXT_REVENUE_PROPERTIES = """
            {"order_id": "ord-2", "revenue": "n/a", "currency": "EUR"}""";
    private static final String PAGE_VIEW_PROPERTIES = """
            {"path": "/products/hp-blk", "referrer": "https://www.google.com/"}""";
    private static final String LATE_ORDER_PROPERTIES = """
            {"order_id": "ord-3", "revenue": 15, "currency": "USD"}""";

    @Test
    void should_move_an_april_event_from_the_default_partition_to_the_april_partition(Migrator migrator, Database database) {
        migrator.migrateTo("1");
        insertAprilAndMarchEvents(database);
        assertThat(partitions(database)).containsExactly(
                tuple("page_view", "analytics_service.events_2025_03"),
                tuple("add_to_cart", "analytics_service.events_default"));

        migrator.migrateTo("2");

        assertThat(partitions(database)).containsExactly(
                tuple("page_view", "analytics_service.events_2025_03"),
                tuple("add_to_cart", "analytics_service.events_2025_04"));
        assertThat(database.queryForObject(String.class, "SELECT properties ->> 'sku' FROM analytics_service.events"
                + " WHERE event_type = 'add_to_cart'")).isEqualTo("HP-BLK");
    }

    @Test
    void should_move_the_april_event_back_to_the_default_partition_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("1");
        insertAprilAndMarchEvents(database);
        migrator.migrateTo("2");

        migrator.undoTo("1");

        assertThat(database.queryForObject(String.class, "SELECT to_regclass('analytics_service.events_2025_04')::text"))
                .isNull();
        assertThat(partitions(database)).containsExactly(
                tuple("page_view", "analytics_service.events_2025_03"),
                tuple("add_to_cart", "analytics_service.events_default"));
        assertThat(database.queryForObject(String.class, "SELECT properties ->> 'sku' FROM analytics_service.events"
                + " WHERE event_type = 'add_to_cart'")).isEqualTo("HP-BLK");
    }

    @Test
    void should_move_numeric_revenue_from_properties_to_the_revenue_column(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertRevenueEvents(database);

        migrator.migrateTo("3");

        assertThat(database.query("""
                SELECT properties ->> 'order_id' AS order_id, revenue, (properties -> 'revenue') IS NOT NULL AS still_in_properties,
                       properties ->> 'currency' AS currency
                  FROM analytics_service.events WHERE event_type = 'order_completed' ORDER BY occurred_at"""))
                .extracting(r -> r.get("order_id"), r -> r.get("revenue"), r -> r.get("still_in_properties"),
                        r -> r.get("currency"))
                .containsExactly(
                        tuple("ord-1", new BigDecimal("129.90"), false, "USD"),
                        tuple("ord-2", null, true, "EUR"),
                        tuple("ord-3", new BigDecimal("15"), false, "USD"));
        assertThat(database.queryForObject(String.class, "SELECT properties ->> 'revenue' FROM analytics_service.events"
                + " WHERE properties ->> 'order_id' = 'ord-2'")).isEqualTo("n/a");
    }

    @Test
    void should_put_revenue_back_into_properties_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertRevenueEvents(database);
        migrator.migrateTo("3");

        migrator.undoTo("2");

        assertThat(database.columnNames(SCHEMA, "events")).doesNotContain("revenue");
        assertThat(database.query("SELECT properties::text AS properties FROM analytics_service.events"
                + " ORDER BY occurred_at"))
                .extracting(r -> r.get("properties"))
                .containsExactly(jsonb(database, ORDER_PROPERTIES), jsonb(database, PAGE_VIEW_PROPERTIES),
                        jsonb(database, TEXT_REVENUE_PROPERTIES), jsonb(database, LATE_ORDER_PROPERTIES));
        assertThat(database.queryForObject(String.class, "SELECT properties ->> 'revenue' FROM analytics_service.events"
                + " WHERE properties ->> 'order_id' = 'ord-1'")).isEqualTo("129.90");
    }

    @Test
    void should_have_an_april_partition_and_a_numeric_revenue_column(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).hasTable("events_2025_04");
        SchemaAssertions.assertThat(schema).table("events").column("revenue").hasType("numeric").isNullable();
        SchemaAssertions.assertThat(schema).table("events").column("source").hasDefault("'web'::character varying");
        SchemaAssertions.assertThat(schema).table("daily_product_metrics").hasIndex("idx_daily_product_metrics_product_id_metric_date");
    }

    /** The document as PostgreSQL writes a jsonb value (keys sorted, normalised spacing). */
    private static String jsonb(Database database, String json) {
        return database.queryForObject(String.class, "SELECT ?::jsonb::text", json);
    }

    private static List<Tuple> partitions(Database database) {
        return database.query("SELECT event_type, tableoid::regclass::text AS partition FROM analytics_service.events"
                + " ORDER BY occurred_at").stream().map(r -> tuple(r.get("event_type"), r.get("partition"))).toList();
    }

    /** At V1: no device_type column and no default source yet. */
    private static void insertAprilAndMarchEvents(Database database) {
        database.execute("""
                INSERT INTO analytics_service.events (id, event_type, occurred_at, session_id, product_id, source, properties)
                VALUES ('3f9a1b2c-3d4e-4f50-8a6b-7c8d9e0f1a01', 'page_view', '2025-03-31 23:59:59+00', 'sess-1', 'HP-BLK',
                        'web', '{"path": "/products/hp-blk"}'),
                       ('3f9a1b2c-3d4e-4f50-8a6b-7c8d9e0f1a02', 'add_to_cart', '2025-04-15 12:00:00+00', 'sess-1', 'HP-BLK',
                        'web', '{"sku": "HP-BLK", "quantity": 1}')
                """);
    }

    /** At V2; the partitions hold them in March, April (partition added by V2) and the default partition (June). */
    private static void insertRevenueEvents(Database database) {
        database.query("""
                INSERT INTO analytics_service.events (event_type, occurred_at, customer_id, source, device_type, properties)
                VALUES ('order_completed', '2025-03-10 09:00:00+00', '7b2f3c4d-5e6f-4a70-8b9c-0d1e2f3a4b01', 'web',
                        'desktop', ?::jsonb),
                       ('page_view', '2025-04-02 18:30:00+00', NULL, 'app', 'mobile', ?::jsonb),
                       ('order_completed', '2025-04-20 07:15:00+00', '7b2f3c4d-5e6f-4a70-8b9c-0d1e2f3a4b02', 'app',
                        'tablet', ?::jsonb),
                       ('order_completed', '2025-06-01 00:00:00+00', '7b2f3c4d-5e6f-4a70-8b9c-0d1e2f3a4b01', 'web',
                        NULL, ?::jsonb)
                RETURNING id""", ORDER_PROPERTIES, PAGE_VIEW_PROPERTIES, TEXT_REVENUE_PROPERTIES, LATE_ORDER_PROPERTIES);
    }
}
