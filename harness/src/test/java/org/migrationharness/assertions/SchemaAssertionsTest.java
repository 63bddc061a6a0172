package org.migrationharness.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.migrationharness.assertions.SchemaAssertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;
import org.opentest4j.AssertionFailedError;

class SchemaAssertionsTest {

    private static final String SHOP = """
            CREATE SCHEMA shop;
            CREATE TYPE shop.product_status AS ENUM ('draft', 'active');
            CREATE TABLE shop.products (id bigint PRIMARY KEY, name text NOT NULL,
                status shop.product_status NOT NULL DEFAULT 'draft', note text);
            CREATE INDEX idx_products_name ON shop.products (name);
            CREATE TABLE shop.orders (id bigint, product_id bigint, CONSTRAINT pk_orders PRIMARY KEY (id, product_id),
                CONSTRAINT fk_orders_product FOREIGN KEY (product_id) REFERENCES shop.products (id));
            CREATE TABLE shop.legacy (id int);
            """;

    private static SchemaSnapshot shop;

    @BeforeAll
    static void build() {
        shop = read(SHOP);
    }

    private static SchemaSnapshot read(String sql) {
        Database database = SharedServer.get().createDatabase("assertions");
        try {
            Sql.execute(database, sql);
            return SchemaReader.read(database, List.of("shop"), Set.of());
        } finally {
            SharedServer.get().dropDatabase(database);
        }
    }

    @Test
    void should_pass_when_everything_holds() {
        assertThat(shop).hasTable("products").hasTable("shop.orders").hasNoTable("customers")
                .hasEnum("product_status", "draft", "active");
        assertThat(shop).table("products").hasColumns("id", "name").hasPrimaryKey("id").hasIndex("idx_products_name")
                .hasIndex("products_pkey");
        assertThat(shop).table("products").column("name").hasType("text").isNotNull().hasNoDefault();
        assertThat(shop).table("products").column("note").isNullable();
        assertThat(shop).table("products").column("status").hasType("product_status").hasType("shop.product_status")
                .hasDefault("'draft'::shop.product_status");
        assertThat(shop).table("orders").hasPrimaryKey("id", "product_id").hasForeignKey("fk_orders_product")
                .hasForeignKey(List.of("product_id"), "products").hasForeignKey(List.of("product_id"), "shop.products");
        assertThat(shop).hasNoDifferencesFrom(read(SHOP));
    }

    @Test
    void should_fail_when_the_table_is_missing() {
        assertThatThrownBy(() -> assertThat(shop).hasTable("customers")).isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting schema shop to have table:%n  \"customers\"%nbut it has only:%n"
                        + "  [legacy, orders, products]", new Object[0]);
    }

    @Test
    void should_fail_to_navigate_to_a_missing_table() {
        assertThatThrownBy(() -> assertThat(shop).table("customers")).isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting schema shop to have table:%n  \"customers\"%nbut it has only:%n"
                        + "  [legacy, orders, products]", new Object[0]);
    }

    @Test
    void should_fail_when_a_table_that_should_be_gone_is_there() {
        assertThatThrownBy(() -> assertThat(shop).hasNoTable("legacy")).isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting schema shop not to have table:%n  \"legacy\"%nbut it has it, with columns:%n"
                        + "  [id]", new Object[0]);
    }

    @Test
    void should_fail_to_navigate_to_a_missing_column() {
        assertThatThrownBy(() -> assertThat(shop).table("products").column("sku")).isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting table products to have column:%n  \"sku\"%nbut it has only:%n"
                        + "  [id, name, status, note]", new Object[0]);
    }

    @Test
    void should_fail_when_columns_are_missing() {
        assertThatThrownBy(() -> assertThat(shop).table("products").hasColumns("id", "sku", "price"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting table products to have columns:%n  [id, sku, price]%nbut could not find:%n"
                        + "  [sku, price]%nin:%n  [id, name, status, note]", new Object[0]);
    }

    @Test
    void should_fail_when_the_type_differs() {
        assertThatThrownBy(() -> assertThat(shop).table("products").column("name").hasType("character varying(64)"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting column products.name to have type:%n  \"character varying(64)\"%n"
                        + "but it has type:%n  \"text\"", new Object[0]);
    }

    @Test
    void should_fail_when_a_nullable_column_should_be_not_null() {
        assertThatThrownBy(() -> assertThat(shop).table("products").column("note").isNotNull())
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting column products.note to be NOT NULL%nbut it is nullable", new Object[0]);
    }

    @Test
    void should_fail_when_a_not_null_column_should_be_nullable() {
        assertThatThrownBy(() -> assertThat(shop).table("products").column("name").isNullable())
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting column products.name to be nullable%nbut it is NOT NULL", new Object[0]);
    }

    @Test
    void should_fail_when_the_default_differs() {
        assertThatThrownBy(() -> assertThat(shop).table("products").column("status")
                .hasDefault("'active'::shop.product_status")).isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting column products.status to have default:%n  \"'active'::shop.product_status\"%n"
                        + "but it has default:%n  \"'draft'::shop.product_status\"", new Object[0]);
    }

    @Test
    void should_fail_when_there_is_no_default() {
        assertThatThrownBy(() -> assertThat(shop).table("products").column("note").hasDefault("''::text"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting column products.note to have default:%n  \"''::text\"%nbut it has no default",
                        new Object[0]);
    }

    @Test
    void should_fail_when_the_index_is_missing() {
        assertThatThrownBy(() -> assertThat(shop).table("products").hasIndex("idx_products_status"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting table products to have index:%n  \"idx_products_status\"%nbut it has only:%n"
                        + "  [idx_products_name, products_pkey]", new Object[0]);
    }

    @Test
    void should_fail_when_the_primary_key_has_other_columns() {
        assertThatThrownBy(() -> assertThat(shop).table("orders").hasPrimaryKey("id"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting table orders to have primary key:%n  [id]%nbut it has primary key:%n"
                        + "  [id, product_id]", new Object[0]);
    }

    @Test
    void should_fail_when_there_is_no_primary_key() {
        assertThatThrownBy(() -> assertThat(shop).table("legacy").hasPrimaryKey("id"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting table legacy to have primary key:%n  [id]%nbut it has none", new Object[0]);
    }

    @Test
    void should_fail_when_the_foreign_key_name_is_missing() {
        assertThatThrownBy(() -> assertThat(shop).table("orders").hasForeignKey("fk_orders_customer"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting table orders to have foreign key:%n  \"fk_orders_customer\"%n"
                        + "but it has only:%n  [fk_orders_product (product_id) -> shop.products (id)]", new Object[0]);
    }

    @Test
    void should_fail_when_no_foreign_key_has_those_columns_and_target() {
        assertThatThrownBy(() -> assertThat(shop).table("orders").hasForeignKey(List.of("id"), "products"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting table orders to have foreign key:%n  (id) -> products%n"
                        + "but it has only:%n  [fk_orders_product (product_id) -> shop.products (id)]", new Object[0]);
    }

    @Test
    void should_fail_when_the_enum_is_missing() {
        assertThatThrownBy(() -> assertThat(shop).hasEnum("order_status", "new"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting schema shop to have enum type:%n  \"order_status\"%nbut it has only:%n"
                        + "  [product_status]", new Object[0]);
    }

    @Test
    void should_fail_when_the_enum_labels_differ() {
        assertThatThrownBy(() -> assertThat(shop).hasEnum("product_status", "draft", "active", "archived"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nExpecting enum type product_status to have labels:%n  [draft, active, archived]%n"
                        + "but it has labels:%n  [draft, active]", new Object[0]);
    }

    @Test
    void should_fail_with_every_difference_and_both_snapshots_for_the_ide() {
        SchemaSnapshot expected = read(SHOP.replace("note text", "note varchar(200)")
                + "CREATE TYPE shop.order_status AS ENUM ('new');");

        assertThatThrownBy(() -> assertThat(shop).hasNoDifferencesFrom(expected))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("%nExpecting the schema to have no differences from the expected one, but found 2:%n"
                        + "  type order_status: present expected, absent actual%n"
                        + "  table products: column note: type character varying(200) -> text", new Object[0])
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((AssertionFailedError) e).isExpectedDefined())
                        .isTrue());
    }

    @Test
    void should_prefix_the_description_once_when_the_schemas_differ() {
        SchemaSnapshot expected = read(SHOP + "CREATE TYPE shop.order_status AS ENUM ('new');");

        assertThatThrownBy(() -> assertThat(shop).as("after V3").hasNoDifferencesFrom(expected))
                .hasMessage("[after V3] %nExpecting the schema to have no differences from the expected one, but found 1:%n"
                        + "  type order_status: present expected, absent actual", new Object[0]);
    }

    @Test
    void should_prefix_the_description() {
        assertThatThrownBy(() -> assertThat(shop).as("after V3").hasTable("customers"))
                .hasMessageStartingWith("[after V3] %nExpecting schema shop to have table:", new Object[0]);
    }
}
