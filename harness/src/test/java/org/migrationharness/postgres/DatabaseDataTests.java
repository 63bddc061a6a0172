package org.migrationharness.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

@DisplayName("Database: data for a test in one line (query, queryForList, queryForObject, execute)")
class DatabaseDataTests {

    private final PostgresServer server = SharedServer.get();
    private Database database;

    @BeforeEach
    void createTable() {
        database = server.createDatabase("data");
        Sql.execute(database, "CREATE SCHEMA shop", "CREATE TABLE shop.orders (id text PRIMARY KEY, total numeric(8,2),"
                + " items int NOT NULL DEFAULT 0, doc jsonb, tags text[], paid boolean)");
    }

    @AfterEach
    void dropDatabase() {
        server.dropDatabase(database);
    }

    @Test
    void should_insert_with_bound_parameters_and_return_the_number_of_rows_changed() {
        int inserted = database.execute("INSERT INTO shop.orders (id, total, items) VALUES (?, ?, ?), (?, ?, ?)",
                "ord-1", new BigDecimal("9.90"), 2, "ord-2", new BigDecimal("0.50"), 1);

        assertThat(inserted).isEqualTo(2);
        assertThat(Sql.column(database, "SELECT id || '=' || total || 'x' || items FROM shop.orders ORDER BY id"))
                .containsExactly("ord-1=9.90x2", "ord-2=0.50x1");
        assertThat(database.execute("UPDATE shop.orders SET items = items + 1")).isEqualTo(2);
        assertThat(database.execute("CREATE INDEX ON shop.orders (items)")).isZero();
    }

    @Test
    void should_return_each_row_as_labels_to_values_in_select_order() {
        database.execute("INSERT INTO shop.orders (id, total, items, paid) VALUES ('ord-2', 5, 1, NULL), ('ord-1', 9.90, 2, true)");

        List<Map<String, Object>> rows = database.query("SELECT id, total, items AS item_count, paid FROM shop.orders ORDER BY id");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(entry("id", "ord-1"), entry("total", new BigDecimal("9.90")),
                entry("item_count", 2), entry("paid", true));
        assertThat(rows.get(1)).containsEntry("paid", null).containsEntry("total", new BigDecimal("5.00"));
    }

    @Test
    void should_give_json_as_text_and_arrays_as_lists_never_driver_types() {
        database.execute("INSERT INTO shop.orders (id, doc, tags) VALUES (?, ?::jsonb, ?::text[])", "ord-1",
                "{\"b\": 1, \"a\": [true]}", "{gift,express}");

        Map<String, Object> row = database.query("SELECT doc, tags, interval '1 day' AS wait FROM shop.orders").get(0);

        assertThat(row.get("doc")).isEqualTo("{\"a\": [true], \"b\": 1}");
        assertThat(row.get("tags")).isEqualTo(List.of("gift", "express"));
        assertThat(row.get("wait")).isEqualTo("1 day");
    }

    @Test
    void should_read_returning_rows_of_an_insert_with_query() {
        List<Map<String, Object>> rows = database.query("INSERT INTO shop.orders (id) VALUES (?), (?) RETURNING id", "a", "b");

        assertThat(rows).extracting(r -> r.get("id")).containsExactly("a", "b");
    }

    @Test
    void should_send_sql_without_parameters_as_written_so_a_question_mark_is_the_jsonb_operator() {
        database.execute("INSERT INTO shop.orders (id, doc) VALUES ('ord-1', '{\"gift\": true}'); INSERT INTO shop.orders (id) VALUES ('ord-2')");

        assertThat(database.queryForList(String.class, "SELECT id FROM shop.orders WHERE doc ? 'gift'")).containsExactly("ord-1");
        assertThat(database.queryForObject(Long.class, "SELECT count(*) FROM shop.orders")).isEqualTo(2L);
    }

    @Test
    void should_return_the_one_value_of_a_query_as_the_type_asked_for_and_null_for_sql_null() {
        database.execute("INSERT INTO shop.orders (id, total) VALUES ('ord-1', NULL)");

        assertThat(database.queryForObject(Long.class, "SELECT count(*) FROM shop.orders WHERE id = ?", "ord-1")).isEqualTo(1L);
        assertThat(database.queryForObject(BigDecimal.class, "SELECT total FROM shop.orders")).isNull();
        assertThat(database.queryForObject(String.class, "SELECT 42")).isEqualTo("42");
    }

    @Test
    void should_fail_when_a_single_value_query_returns_no_row_or_several() {
        assertThatThrownBy(() -> database.queryForObject(String.class, "SELECT id FROM shop.orders"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("Expected exactly one row but the query returned 0 on database " + database.name()
                        + ":\nSELECT id FROM shop.orders");
        assertThatThrownBy(() -> database.queryForObject(Integer.class, "SELECT generate_series(1, 2)"))
                .hasMessageStartingWith("Expected exactly one row but the query returned 2");
    }

    @Test
    void should_fail_with_the_database_the_sqlstate_and_the_sql_and_keep_the_sqlexception() {
        database.execute("INSERT INTO shop.orders (id) VALUES ('ord-1')");

        assertThatThrownBy(() -> database.execute("INSERT INTO shop.orders (id) VALUES (?)", "ord-1"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
                    assertThat(e.getCause()).isInstanceOfSatisfying(SQLException.class,
                            cause -> assertThat(cause.getSQLState()).isEqualTo("23505"));
                })
                .hasMessageStartingWith("SQL failed on database " + database.name() + " (SQLState 23505): ERROR: duplicate key")
                .hasMessageEndingWith("\nINSERT INTO shop.orders (id) VALUES (?)");
    }

    @Test
    void should_refuse_to_read_rows_from_a_statement_that_returns_none() {
        assertThatThrownBy(() -> database.query("UPDATE shop.orders SET items = 1"))
                .isInstanceOf(HarnessException.class)
                .hasMessage("The statement returned no rows to read (use execute for it) on database " + database.name()
                        + ":\nUPDATE shop.orders SET items = 1");
    }

    @Test
    void should_name_a_tables_columns_in_order_and_their_types_as_format_type_writes_them() {
        assertThat(database.columnNames("shop", "orders")).containsExactly("id", "total", "items", "doc", "tags", "paid");
        assertThat(database.columnNames("shop", "no_such_table")).isEmpty();
        assertThat(database.columnNames("no_such_schema", "orders")).isEmpty();
        assertThat(database.columnType("shop", "orders", "total")).isEqualTo("numeric(8,2)");
        assertThat(database.columnType("shop", "orders", "tags")).isEqualTo("text[]");
        database.execute("ALTER TABLE shop.orders DROP COLUMN doc");
        assertThat(database.columnNames("shop", "orders")).containsExactly("id", "total", "items", "tags", "paid");
        assertThatThrownBy(() -> database.columnType("shop", "orders", "doc"))
                .hasMessageStartingWith("Expected exactly one row but the query returned 0");
    }
}
