package org.migrationharness.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.seed.SyntheticRows.Result;
import org.migrationharness.seed.SyntheticRows.TableFill;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

@DisplayName("SyntheticRows: deterministic rows for every table of a migrated schema, generated on the server")
class SyntheticRowsTests {

    private static final int ROWS = 2_000;

    private final PostgresServer server = SharedServer.get();
    private Database database;

    @BeforeEach
    void createDatabase() {
        database = server.createDatabase("synth");
    }

    @AfterEach
    void dropDatabase() {
        server.dropDatabase(database);
    }

    private Result fill(Database target, int rows, long seed, String... ddl) {
        if (ddl.length > 0) {
            Sql.execute(target, ddl);
        }
        SchemaSnapshot snapshot = SchemaReader.read(target, List.of("app"), Set.of());
        return SyntheticRows.fill(target, snapshot, List.of("app"), rows, seed);
    }

    private long count(String sql) {
        return database.queryForObject(Long.class, sql);
    }

    private boolean citextAvailable() {
        return count("SELECT count(*) FROM pg_available_extensions WHERE name = 'citext'") > 0;
    }

    @Test
    void should_fill_a_column_of_every_supported_type_with_the_requested_rows() {
        boolean citext = citextAvailable();
        if (citext) {
            database.execute("CREATE EXTENSION citext");
        }
        String[] types = {"smallint", "integer", "bigint", "numeric(5,2)", "numeric(20,4)", "numeric", "real",
                "double precision", "text", "varchar(8)", "varchar", "char(6)", "boolean", "date", "time", "timetz",
                "timestamp", "timestamp(3) with time zone", "interval", "uuid", "json", "jsonb", "bytea", "inet", "cidr",
                "macaddr", "app.mood", "app.positive_int", "app.email", "text[]", "int[]", "app.mood[]", "money",
                "tstzrange", "app.pair"};
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            columns.append(", c").append(i).append(' ').append(types[i]).append(" NOT NULL");
        }
        if (citext) {
            columns.append(", c_citext public.citext NOT NULL UNIQUE");
        }
        Result result = fill(database, ROWS, 42, "CREATE SCHEMA app",
                "CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN app.positive_int AS integer CHECK (VALUE > 0)",
                "CREATE DOMAIN app.email AS text NOT NULL",
                "CREATE TYPE app.pair AS (a int, b text)",
                "CREATE TABLE app.everything (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY" + columns
                        + ", doubled bigint GENERATED ALWAYS AS (c2 * 2) STORED, s serial,"
                        + " with_default text NOT NULL DEFAULT 'x', UNIQUE (c4), UNIQUE (c10), UNIQUE (c19), UNIQUE (c23),"
                        + " UNIQUE (c17), UNIQUE (c24))");

        assertThat(result.skipped()).isEmpty();
        assertThat(result.of("app", "everything")).contains(new TableFill("app", "everything", 0, ROWS, null));
        assertThat(count("SELECT count(*) FROM app.everything")).isEqualTo(ROWS);
        for (int i = 0; i < types.length; i++) {
            assertThat(count("SELECT count(c" + i + ") FROM app.everything")).as(types[i] + " not null").isEqualTo(ROWS);
        }
        assertThat(count("SELECT count(DISTINCT c26) FROM app.everything")).as("enum labels").isEqualTo(3);
        assertThat(count("SELECT count(*) FROM app.everything WHERE with_default = 'x'")).as("defaults generated").isZero();
        assertThat(count("SELECT count(DISTINCT s) FROM app.everything")).as("serial from its sequence").isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'everything' AND last_analyze IS NOT NULL"))
                .as("analyzed").isEqualTo(1);
    }

    @Test
    void should_keep_primary_keys_and_composite_unique_constraints_unique() {
        Result result = fill(database, ROWS, 7, "CREATE SCHEMA app",
                "CREATE TABLE app.memberships (tenant_id uuid, user_id integer, role varchar(12) NOT NULL,"
                        + " joined date NOT NULL, PRIMARY KEY (tenant_id, user_id), UNIQUE (role, joined))",
                "CREATE TABLE app.codes (code char(5) PRIMARY KEY, amount numeric(6,2) UNIQUE NOT NULL)");

        assertThat(result.skipped()).isEmpty();
        assertThat(count("SELECT count(*) FROM app.memberships")).isEqualTo(ROWS);
        assertThat(count("SELECT count(DISTINCT (tenant_id, user_id)) FROM app.memberships")).isEqualTo(ROWS);
        assertThat(count("SELECT count(DISTINCT (role, joined)) FROM app.memberships")).isEqualTo(ROWS);
        assertThat(count("SELECT count(DISTINCT code) FROM app.codes")).isEqualTo(ROWS);
        assertThat(count("SELECT count(DISTINCT amount) FROM app.codes")).isEqualTo(ROWS);
    }

    @Test
    void should_reference_existing_parent_rows_in_foreign_key_columns() {
        Result result = fill(database, ROWS, 3, "CREATE SCHEMA app",
                // children named before their parents: the order comes from the foreign keys, not the names
                "CREATE TABLE app.c_tenants (id int PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE app.d_customers (id uuid PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE app.b_orders (tenant_id int NOT NULL REFERENCES app.c_tenants (id), order_no int NOT NULL,"
                        + " customer uuid REFERENCES app.d_customers (id), PRIMARY KEY (tenant_id, order_no))",
                "CREATE TABLE app.a_order_lines (tenant_id int NOT NULL, order_no int NOT NULL, line int NOT NULL,"
                        + " PRIMARY KEY (tenant_id, order_no, line),"
                        + " FOREIGN KEY (tenant_id, order_no) REFERENCES app.b_orders (tenant_id, order_no),"
                        + " FOREIGN KEY (tenant_id) REFERENCES app.c_tenants (id))");

        assertThat(result.skipped()).isEmpty();
        assertThat(result.tables()).extracting(TableFill::table)
                .containsExactly("c_tenants", "d_customers", "b_orders", "a_order_lines");
        assertThat(count("SELECT count(*) FROM app.a_order_lines l JOIN app.b_orders o USING (tenant_id, order_no)"
                + " JOIN app.c_tenants t ON t.id = l.tenant_id")).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM app.b_orders o JOIN app.d_customers c ON c.id = o.customer")).isEqualTo(ROWS);
        assertThat(count("SELECT count(DISTINCT customer) FROM app.b_orders")).as("spread over the parents").isEqualTo(ROWS);
    }

    @Test
    void should_take_the_keys_of_the_table_a_column_name_implies_so_that_a_foreign_key_added_later_holds() {
        Result result = fill(database, ROWS, 5, "CREATE SCHEMA app",
                "CREATE TABLE app.customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE app.category (id int PRIMARY KEY)",
                "CREATE TABLE app.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, category_id int,"
                        + " tenant_id int NOT NULL)");

        assertThat(result.skipped()).isEmpty();
        assertThat(result.tables()).extracting(TableFill::table).containsExactly("category", "customers", "orders");
        database.execute("ALTER TABLE app.orders ADD FOREIGN KEY (customer_id) REFERENCES app.customers (id)");
        database.execute("ALTER TABLE app.orders ADD FOREIGN KEY (category_id) REFERENCES app.category (id)");
        assertThat(count("SELECT count(*) FROM app.orders")).isEqualTo(ROWS);
        assertThat(count("SELECT count(DISTINCT tenant_id) FROM app.orders")).as("no tenants table: small numbers")
                .isEqualTo(5);
    }

    @Test
    void should_find_values_that_pass_a_format_check_on_one_column_and_keep_other_integers_small() {
        Result result = fill(database, ROWS, 2, "CREATE SCHEMA app",
                "CREATE TABLE app.accounts (id bigint PRIMARY KEY,"
                        + " email text NOT NULL UNIQUE CHECK (email ~* '^[^@]+@[^@]+\\.[a-z]+$'),"
                        + " code text NOT NULL UNIQUE CHECK (code ~ '^[a-z]+$'),"
                        + " country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),"
                        + " rating integer NOT NULL,"
                        + " status varchar(16) NOT NULL CHECK (status IN ('active', 'suspended', 'closed')))");

        assertThat(result.skipped()).isEmpty();
        assertThat(count("SELECT count(DISTINCT email) + count(DISTINCT code) FROM app.accounts")).isEqualTo(2L * ROWS);
        database.execute("ALTER TABLE app.accounts ADD CHECK (rating BETWEEN 1 AND 5)");
        assertThat(count("SELECT count(DISTINCT status) FROM app.accounts")).as("a varchar's list of values").isEqualTo(3);
        assertThat(count("SELECT count(*) FROM app.accounts")).isEqualTo(ROWS);
    }

    @Test
    void should_pass_the_checks_the_newer_schema_adds_to_a_column_as_production_rows_would() {
        Sql.execute(database, "CREATE SCHEMA app",
                "CREATE TABLE app.orders (id bigint PRIMARY KEY, currency text NOT NULL, locale text NOT NULL)");
        SchemaSnapshot now = SchemaReader.read(database, List.of("app"), Set.of());
        Database newer = server.createDatabase("synth_newer");
        try {
            Sql.execute(newer, "CREATE SCHEMA app", "CREATE TABLE app.orders (id bigint PRIMARY KEY,"
                    + " currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),"
                    + " locale text NOT NULL CHECK (locale IN ('en-US', 'de-DE')))");
            SchemaSnapshot later = SchemaReader.read(newer, List.of("app"), Set.of());

            Result result = SyntheticRows.fill(database, now, List.of("app"), ROWS, 4, later);

            assertThat(result.skipped()).isEmpty();
            database.execute("ALTER TABLE app.orders ADD CHECK (currency ~ '^[A-Z]{3}$'),"
                    + " ADD CHECK (locale IN ('en-US', 'de-DE'))");
            assertThat(count("SELECT count(*) FROM app.orders")).isEqualTo(ROWS);
        } finally {
            server.dropDatabase(newer);
        }
    }

    @Test
    void should_leave_a_nullable_self_reference_null() {
        Result result = fill(database, ROWS, 1, "CREATE SCHEMA app",
                "CREATE TABLE app.categories (id int PRIMARY KEY, parent_id int REFERENCES app.categories (id), name text NOT NULL)");

        assertThat(result.of("app", "categories").orElseThrow().rowsInserted()).isEqualTo(ROWS);
        assertThat(count("SELECT count(parent_id) FROM app.categories")).isZero();
    }

    @Test
    void should_skip_a_table_whose_not_null_self_reference_has_no_row_to_point_at() {
        Result result = fill(database, ROWS, 1, "CREATE SCHEMA app",
                "CREATE TABLE app.nodes (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES app.nodes (id))",
                "CREATE TABLE app.other (id int PRIMARY KEY)");

        TableFill nodes = result.of("app", "nodes").orElseThrow();
        assertThat(nodes.rowsInserted()).isZero();
        assertThat(nodes.skipReason()).contains("nodes_parent_id_fkey", "parent_id", "itself", "Add seed rows for app.nodes");
        assertThat(result.of("app", "other").orElseThrow().rowsInserted()).isEqualTo(ROWS);
    }

    @Test
    void should_reference_seed_rows_through_a_not_null_self_reference() {
        Sql.execute(database, "CREATE SCHEMA app",
                "CREATE TABLE app.nodes (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES app.nodes (id))",
                "INSERT INTO app.nodes VALUES (-1, -1)");

        Result result = fill(database, ROWS, 1);

        assertThat(result.of("app", "nodes")).contains(new TableFill("app", "nodes", 1, ROWS - 1, null));
        assertThat(count("SELECT count(*) FROM app.nodes WHERE parent_id = -1")).isEqualTo(ROWS);
    }

    @Test
    void should_break_a_foreign_key_cycle_at_a_nullable_column() {
        Result result = fill(database, ROWS, 1, "CREATE SCHEMA app",
                "CREATE TABLE app.departments (id int PRIMARY KEY, manager_id int)",
                "CREATE TABLE app.employees (id int PRIMARY KEY, department_id int NOT NULL REFERENCES app.departments (id))",
                "ALTER TABLE app.departments ADD FOREIGN KEY (manager_id) REFERENCES app.employees (id)");

        assertThat(result.skipped()).isEmpty();
        assertThat(result.tables()).extracting(TableFill::table).containsExactly("departments", "employees");
        assertThat(count("SELECT count(manager_id) FROM app.departments")).isZero();
        assertThat(count("SELECT count(*) FROM app.employees e JOIN app.departments d ON d.id = e.department_id"))
                .isEqualTo(ROWS);
    }

    @Test
    void should_set_a_foreign_key_null_when_its_parent_holds_no_rows_and_skip_the_table_when_it_cannot_be_null() {
        Result result = fill(database, ROWS, 1, "CREATE SCHEMA app",
                "CREATE TABLE app.parents (id int PRIMARY KEY, code text NOT NULL CHECK (code <> code))",
                "CREATE TABLE app.optional_children (id int PRIMARY KEY, parent_id int REFERENCES app.parents (id))",
                "CREATE TABLE app.required_children (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES app.parents (id))");

        assertThat(result.of("app", "optional_children").orElseThrow().rowsInserted()).isEqualTo(ROWS);
        assertThat(count("SELECT count(parent_id) FROM app.optional_children")).isZero();
        TableFill required = result.of("app", "required_children").orElseThrow();
        assertThat(required.rowsInserted()).isZero();
        assertThat(required.skipReason()).contains("required_children_parent_id_fkey", "app.parents", "holds no rows",
                "Add seed rows for app.parents");
    }

    @Test
    void should_retry_with_nullable_columns_null_when_a_check_constraint_rejects_the_generated_values() {
        Result result = fill(database, ROWS, 1, "CREATE SCHEMA app",
                "CREATE TABLE app.people (id int PRIMARY KEY, email text CHECK (email LIKE '%@corp.example.org'),"
                        + " name text NOT NULL)");

        assertThat(result.of("app", "people")).contains(new TableFill("app", "people", 0, ROWS, null));
        assertThat(count("SELECT count(email) FROM app.people")).isZero();
        assertThat(count("SELECT count(name) FROM app.people")).isEqualTo(ROWS);
    }

    @Test
    void should_skip_a_table_whose_check_constraint_rejects_every_row_and_still_fill_the_others() {
        Result result = fill(database, ROWS, 1, "CREATE SCHEMA app",
                "CREATE TABLE app.countries (code text PRIMARY KEY CONSTRAINT iso_code CHECK (code ~ '^[0-9]{2}-[A-Z]$'))",
                "CREATE TABLE app.orders (id int PRIMARY KEY, status text NOT NULL CHECK (status IN ('open', 'paid', 'shipped')))");

        TableFill countries = result.of("app", "countries").orElseThrow();
        assertThat(countries.rowsInserted()).isZero();
        assertThat(countries.skipReason()).contains("iso_code", "violates check constraint", "Add seed rows for app.countries");
        assertThat(result.of("app", "orders").orElseThrow().rowsInserted()).isEqualTo(ROWS);
        assertThat(Sql.column(database, "SELECT DISTINCT status FROM app.orders ORDER BY status"))
                .containsExactly("open", "paid", "shipped");
    }

    @Test
    void should_generate_the_same_rows_for_the_same_seed() {
        String[] ddl = {"CREATE SCHEMA app",
                "CREATE TABLE app.customers (id uuid PRIMARY KEY, name text NOT NULL, born date, score numeric(6,2))",
                "CREATE TABLE app.orders (id bigserial PRIMARY KEY, customer_id uuid NOT NULL REFERENCES app.customers (id),"
                        + " placed_at timestamptz NOT NULL DEFAULT now(), doc jsonb)"};
        Database other = server.createDatabase("synth_other");
        Database third = server.createDatabase("synth_third");
        try {
            fill(database, ROWS, 99, ddl);
            fill(other, ROWS, 99, ddl);
            fill(third, ROWS, 100, ddl);

            for (String table : List.of("app.customers", "app.orders")) {
                String fingerprint = "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM " + table + " t";
                assertThat(other.queryForObject(String.class, fingerprint)).as(table)
                        .isEqualTo(database.queryForObject(String.class, fingerprint))
                        .isNotEqualTo(third.queryForObject(String.class, fingerprint));
            }
        } finally {
            server.dropDatabase(other);
            server.dropDatabase(third);
        }
    }

    @Test
    void should_insert_nothing_into_a_table_that_already_holds_the_requested_rows() {
        Sql.execute(database, "CREATE SCHEMA app", "CREATE TABLE app.full_table (id int PRIMARY KEY, name text)",
                "INSERT INTO app.full_table SELECT g, 'seed' FROM generate_series(1, 10) g");

        Result result = fill(database, 10, 1);

        assertThat(result.of("app", "full_table")).contains(new TableFill("app", "full_table", 10, 0, null));
        assertThat(count("SELECT count(*) FROM app.full_table WHERE name = 'seed'")).isEqualTo(10);
    }

    @Test
    void should_top_up_a_table_with_seed_rows_without_conflict() {
        Sql.execute(database, "CREATE SCHEMA app",
                "CREATE TABLE app.products (id serial PRIMARY KEY, sku int UNIQUE NOT NULL, name text NOT NULL)",
                // explicit ids the sequence does not know of, and skus the generated rows would take
                "INSERT INTO app.products (id, sku, name) VALUES (1, 1 + 10, 'seed'), (2, 2 + 10, 'seed'), (3, 3 + 10, 'seed')");

        Result result = fill(database, ROWS, 0);

        assertThat(result.of("app", "products")).contains(new TableFill("app", "products", 3, ROWS - 3, null));
        assertThat(count("SELECT count(*) FROM app.products")).isEqualTo(ROWS);
        assertThat(Sql.column(database, "SELECT id || ':' || sku FROM app.products WHERE name = 'seed' ORDER BY id"))
                .containsExactly("1:11", "2:12", "3:13");
    }

    @Test
    void should_fill_a_partitioned_table_through_its_parent_and_list_no_partition() {
        Result result = fill(database, ROWS, 1, "CREATE SCHEMA app",
                "CREATE TABLE app.events (id bigint NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
                "CREATE TABLE app.events_old PARTITION OF app.events FOR VALUES FROM (MINVALUE) TO ('2020-01-15')",
                "CREATE TABLE app.events_new PARTITION OF app.events DEFAULT",
                "CREATE VIEW app.recent AS SELECT * FROM app.events");

        assertThat(result.tables()).extracting(TableFill::table).containsExactly("events");
        assertThat(count("SELECT count(*) FROM app.events")).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM app.events_old")).isPositive();
    }

    @Test
    void should_keep_an_exclusion_constraint_and_a_table_of_defaults_only() {
        Result result = fill(database, ROWS, 5, "CREATE SCHEMA app",
                "CREATE TABLE app.bookings (id int PRIMARY KEY, during tstzrange NOT NULL, EXCLUDE USING gist (during WITH &&))",
                "CREATE TABLE app.tickets (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)");

        assertThat(result.skipped()).isEmpty();
        assertThat(count("SELECT count(*) FROM app.bookings")).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM app.tickets")).isEqualTo(ROWS);
    }

    @Test
    void should_fail_with_an_environment_error_when_the_database_cannot_be_reached() {
        Database gone = new Database("gone", "jdbc:postgresql://127.0.0.1:1/gone?connectTimeout=2", "nobody", null);

        assertThatThrownBy(() -> SyntheticRows.fill(gone, SchemaSnapshot.empty(), List.of("app"), ROWS, 1))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENVIRONMENT));
    }

    @Test
    void should_print_how_long_fifty_thousand_rows_take_for_a_ten_column_table() {
        Sql.execute(database, "CREATE SCHEMA app",
                "CREATE TABLE app.accounts (id bigint PRIMARY KEY, email varchar(120) UNIQUE NOT NULL, name text NOT NULL,"
                        + " balance numeric(12,2) NOT NULL, active boolean NOT NULL, created_at timestamptz NOT NULL,"
                        + " born date, external_id uuid UNIQUE, profile jsonb, tags text[])");
        SchemaSnapshot snapshot = SchemaReader.read(database, List.of("app"), Set.of());

        long start = System.nanoTime();
        Result result = SyntheticRows.fill(database, snapshot, List.of("app"), 50_000, 1);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.println("SyntheticRows: 50,000 rows of a 10-column table in " + millis + " ms (insert and ANALYZE)");
        assertThat(result.of("app", "accounts").orElseThrow().rowsInserted()).isEqualTo(50_000);
    }
}
