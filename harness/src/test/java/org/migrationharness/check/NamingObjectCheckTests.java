package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;

@DisplayName("naming.object on a real PostgreSQL")
class NamingObjectCheckTests {

    static final String CONFIG = "schemas: [shop]\n";
    static final String ORDERS = """
            CREATE SCHEMA IF NOT EXISTS shop; CREATE TABLE shop.customers (
                id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_customers PRIMARY KEY,
                email text NOT NULL
            );
            CREATE TABLE shop.orders (
                id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_orders PRIMARY KEY,
                customer_id bigint NOT NULL,
                status text NOT NULL
            );
            """;

    @TempDir
    Path dir;

    /** Migrates V1 (ORDERS, then {@code sql}) with {@code config} as harness.yaml and runs naming.object only. */
    List<Finding> naming(String config, String sql) {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("migrations")).file("V1__shop.sql", ORDERS + sql);
        if (config != null) {
            folder.file("harness.yaml", config);
        }
        MigrationSet set = MigrationSetReader.read(folder.path(), "naming");
        try (ServiceRun context = new ServiceRun(set, SharedServer.get(), VerifyOptions.defaults())) {
            context.run(new UpApplyCheck());
            assertThat(context.findings()).as("up.apply").isEmpty();
            context.run(new NamingObjectCheck());
            return List.copyOf(context.findings());
        }
    }

    List<Finding> naming(String sql) {
        return naming(CONFIG, sql);
    }

    String file() {
        return DisplayPath.of(dir.resolve("migrations/V1__shop.sql"));
    }

    static String suppress(String rule, String object) {
        return "\nOr suppress it with a reason under naming.suppress in harness.yaml: {rule: " + rule + ", object: \""
                + object + "\", reason: \"...\"}";
    }

    @Nested
    class LowerSnakeCase {

        @Test
        void should_pass_when_every_name_is_lower_snake_case() {
            assertThat(naming("CREATE TABLE shop.user_preferences (account_id bigint, theme_2 text);")).isEmpty();
        }

        @Test
        void should_fail_when_a_table_is_quoted_mixed_case() {
            List<Finding> findings = naming("CREATE TABLE shop.\"UserPreferences\" (id bigint);");

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.check()).isEqualTo("naming.object");
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.file()).isEqualTo(file());
                assertThat(f.line()).isEqualTo(10);
                assertThat(f.migration()).isEqualTo("1");
                assertThat(f.message()).isEqualTo("table shop.UserPreferences: expected a lower snake_case name"
                        + " matching [a-z_][a-z0-9_]*; found \"UserPreferences\", which every statement must quote"
                        + " (rule lower-snake-case).\nRename it: ALTER TABLE shop.\"UserPreferences\" RENAME TO"
                        + " user_preferences;" + suppress("lower-snake-case", "table shop.UserPreferences"));
            });
        }

        @Test
        void should_fail_when_a_column_is_quoted_mixed_case() {
            List<Finding> findings = naming("ALTER TABLE shop.orders ADD COLUMN \"accountId\" bigint;");

            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo("column shop.orders.accountId:"
                    + " expected a lower snake_case name matching [a-z_][a-z0-9_]*; found \"accountId\", which every"
                    + " statement must quote (rule lower-snake-case).\nRename it: ALTER TABLE shop.orders RENAME COLUMN"
                    + " \"accountId\" TO account_id;" + suppress("lower-snake-case", "column shop.orders.accountId"));
        }
    }

    @Nested
    class MaxLength {

        static final String LONG = "customer_lifetime_value_including_refunds_and_chargebacks_in_cents";

        @Test
        void should_pass_when_an_identifier_has_63_bytes() {
            String name = "x".repeat(63);
            assertThat(naming("ALTER TABLE shop.orders ADD COLUMN " + name + " bigint;")).isEmpty();
        }

        @Test
        void should_fail_when_an_identifier_is_longer_than_63_bytes_naming_file_and_line() {
            List<Finding> findings = naming("-- " + LONG + " in a comment does not count\n"
                    + "ALTER TABLE shop.orders\n  ADD COLUMN " + LONG + " bigint;\n"
                    + "SELECT '" + LONG + "';\n");

            assertThat(LONG.length()).isEqualTo(66);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo(file());
                assertThat(f.line()).isEqualTo(12);
                assertThat(f.message()).isEqualTo("identifier " + LONG + ": 66 bytes long; expected at most 63 (rule"
                        + " max-length). PostgreSQL truncates it to " + LONG.substring(0, 63) + " with only a NOTICE"
                        + " (identifier \"" + LONG + "\" will be truncated to \"" + LONG.substring(0, 63) + "\"), so the"
                        + " object gets a name the script does not show.\nShorten " + LONG + " to at most 63 bytes"
                        + " everywhere it is written, or suppress it with a reason under naming.suppress in harness.yaml:"
                        + " {rule: max-length, object: \"identifier " + LONG + "\", reason: \"...\"}");
            });
        }
    }

    @Nested
    class IndexPrefix {

        @Test
        void should_pass_when_index_is_prefixed_idx_table() {
            assertThat(naming("CREATE INDEX idx_orders_status ON shop.orders (status);")).isEmpty();
        }

        @Test
        void should_pass_when_postgresql_generated_the_index_name() {
            assertThat(naming("CREATE INDEX ON shop.orders (status);")).isEmpty();
        }

        @Test
        void should_fail_when_index_is_not_prefixed_idx_table() {
            List<Finding> findings = naming("CREATE INDEX orders_status_ix ON shop.orders (status);");

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.line()).isEqualTo(10);
                assertThat(f.message()).isEqualTo("index shop.orders_status_ix: expected a name matching idx_orders_.*"
                        + " (or PostgreSQL's own orders_<columns>_idx) for an index on shop.orders (rule index-prefix).\n"
                        + "Rename it: ALTER INDEX shop.orders_status_ix RENAME TO idx_orders_status;"
                        + suppress("index-prefix", "index shop.orders_status_ix"));
            });
        }
    }

    @Nested
    class UniquePrefix {

        @Test
        void should_pass_when_unique_constraint_is_prefixed_uq_table() {
            assertThat(naming("ALTER TABLE shop.customers ADD CONSTRAINT uq_customers_email UNIQUE (email);")).isEmpty();
        }

        @Test
        void should_pass_when_a_unique_index_is_prefixed_uq_or_idx_table() {
            assertThat(naming("CREATE UNIQUE INDEX uq_customers_email ON shop.customers (lower(email));\n"
                    + "CREATE UNIQUE INDEX idx_orders_customer_id_status ON shop.orders (customer_id, status);")).isEmpty();
        }

        @Test
        void should_pass_when_postgresql_generated_the_unique_constraint_name() {
            assertThat(naming("ALTER TABLE shop.customers ADD UNIQUE (email);")).isEmpty();
        }

        @Test
        void should_fail_when_unique_constraint_is_not_prefixed_uq_table() {
            List<Finding> findings = naming("ALTER TABLE shop.customers ADD CONSTRAINT customers_email_unique UNIQUE (email);");

            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo("unique constraint"
                    + " shop.customers.customers_email_unique: expected a name matching uq_customers_.* (or PostgreSQL's"
                    + " own customers_<columns>_key) for a unique constraint on shop.customers (rule unique-prefix).\n"
                    + "Rename it: ALTER TABLE shop.customers RENAME CONSTRAINT customers_email_unique TO"
                    + " uq_customers_email;" + suppress("unique-prefix", "unique constraint shop.customers.customers_email_unique"));
        }

        @Test
        void should_fail_when_a_unique_index_is_prefixed_neither_uq_nor_idx() {
            List<Finding> findings = naming("CREATE UNIQUE INDEX customers_email_lower ON shop.customers (lower(email));");

            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo("index"
                    + " shop.customers_email_lower: expected a name matching uq_customers_.* or idx_customers_.* (or"
                    + " PostgreSQL's own customers_<columns>_idx) for a unique index on shop.customers (rule"
                    + " unique-prefix).\nRename it: ALTER INDEX shop.customers_email_lower RENAME TO uq_customers_expr;"
                    + suppress("unique-prefix", "index shop.customers_email_lower"));
        }
    }

    @Nested
    class ForeignKeyPrefix {

        @Test
        void should_pass_when_foreign_key_is_prefixed_fk_table() {
            assertThat(naming("ALTER TABLE shop.orders ADD CONSTRAINT fk_orders_customers FOREIGN KEY (customer_id)"
                    + " REFERENCES shop.customers (id);")).isEmpty();
        }

        @Test
        void should_pass_when_postgresql_generated_the_foreign_key_name() {
            assertThat(naming("ALTER TABLE shop.orders ADD FOREIGN KEY (customer_id) REFERENCES shop.customers (id);"))
                    .isEmpty();
        }

        @Test
        void should_fail_when_foreign_key_is_not_prefixed_fk_table() {
            List<Finding> findings = naming("ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_ref FOREIGN KEY"
                    + " (customer_id) REFERENCES shop.customers (id);");

            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo("foreign key"
                    + " shop.orders.orders_customer_ref: expected a name matching fk_orders_.* (or PostgreSQL's own"
                    + " orders_<columns>_fkey) for a foreign key of shop.orders (rule foreign-key-prefix).\n"
                    + "Rename it: ALTER TABLE shop.orders RENAME CONSTRAINT orders_customer_ref TO fk_orders_customers;"
                    + suppress("foreign-key-prefix", "foreign key shop.orders.orders_customer_ref"));
        }
    }

    @Nested
    class CheckPrefix {

        @Test
        void should_pass_when_check_is_prefixed_chk() {
            assertThat(naming("ALTER TABLE shop.orders ADD CONSTRAINT chk_orders_status CHECK (status <> '');\n"
                    + "CREATE DOMAIN shop.positive_amount AS numeric CONSTRAINT chk_positive_amount CHECK (VALUE > 0);"))
                    .isEmpty();
        }

        @Test
        void should_pass_when_a_partition_inherits_the_check_of_its_parent() {
            assertThat(naming("CREATE TABLE shop.events (id bigint NOT NULL, at date NOT NULL,"
                    + " CONSTRAINT chk_events_at CHECK (at > '2000-01-01')) PARTITION BY RANGE (at);\n"
                    + "CREATE INDEX idx_events_at ON shop.events (at);\n"
                    + "CREATE TABLE shop.events_2025 PARTITION OF shop.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');"))
                    .isEmpty();
        }

        @Test
        void should_fail_when_check_is_not_prefixed_chk() {
            List<Finding> findings = naming("ALTER TABLE shop.orders ADD CONSTRAINT status_not_empty CHECK (status <> '');");

            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo("check constraint"
                    + " shop.orders.status_not_empty: expected a name matching chk_.* (or PostgreSQL's own"
                    + " orders_<columns>_check) for a check constraint on shop.orders (rule check-prefix).\n"
                    + "Rename it: ALTER TABLE shop.orders RENAME CONSTRAINT status_not_empty TO chk_orders_status;"
                    + suppress("check-prefix", "check constraint shop.orders.status_not_empty"));
        }
    }

    @Nested
    class PrimaryKeyName {

        @Test
        void should_pass_when_primary_key_is_named_pk_table_or_generated() {
            assertThat(naming("CREATE TABLE shop.tags (id bigint PRIMARY KEY);")).isEmpty();
        }

        @Test
        void should_fail_when_primary_key_is_not_named_pk_table() {
            List<Finding> findings = naming("CREATE TABLE shop.tags (id bigint CONSTRAINT tags_pk PRIMARY KEY);");

            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo("primary key shop.tags.tags_pk:"
                    + " expected a name matching pk_tags (or PostgreSQL's own tags_pkey) for the primary key of shop.tags"
                    + " (rule primary-key-name).\nRename it: ALTER TABLE shop.tags RENAME CONSTRAINT tags_pk TO pk_tags;"
                    + suppress("primary-key-name", "primary key shop.tags.tags_pk"));
        }
    }

    @Nested
    class ReservedWord {

        @Test
        void should_pass_when_a_name_is_only_an_unreserved_keyword() {
            assertThat(naming("ALTER TABLE shop.orders ADD COLUMN type text, ADD COLUMN position int;")).isEmpty();
        }

        @Test
        void should_fail_when_a_column_is_a_reserved_word() {
            List<Finding> findings = naming("ALTER TABLE shop.orders ADD COLUMN \"order\" int;");

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.line()).isEqualTo(10);
                assertThat(f.message()).isEqualTo("column shop.orders.order: expected a name that is not a reserved"
                        + " keyword; found order, which every statement must quote as \"order\" (rule reserved-word).\n"
                        + "Rename it: ALTER TABLE shop.orders RENAME COLUMN \"order\" TO orders;"
                        + suppress("reserved-word", "column shop.orders.order"));
            });
        }
    }

    @Nested
    class OwnSchema {

        @Test
        void should_pass_when_every_object_is_in_the_service_schema() {
            assertThat(naming("CREATE VIEW shop.v_orders AS SELECT id FROM shop.orders;")).isEmpty();
        }

        @Test
        void should_pass_outside_the_service_schemas_when_it_declares_none() {
            assertThat(naming("", "CREATE TABLE public.audit_log (id bigint CONSTRAINT pk_audit_log PRIMARY KEY);"))
                    .isEmpty();
        }

        @Test
        void should_fail_when_a_table_is_outside_the_service_schema() {
            List<Finding> findings = naming("CREATE TABLE public.audit_log (id bigint CONSTRAINT pk_audit_log PRIMARY KEY);");

            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo("table public.audit_log:"
                    + " expected it in the service's schemas [shop], found it in schema public (rule own-schema).\n"
                    + "Move it: ALTER TABLE public.audit_log SET SCHEMA shop;"
                    + suppress("own-schema", "table public.audit_log"));
        }

        @Test
        void should_fail_when_the_migrations_create_a_schema_of_their_own() {
            List<Finding> findings = naming("CREATE SCHEMA reporting;");

            assertThat(findings).singleElement().extracting(Finding::message).asString().startsWith("schema reporting:"
                    + " expected only the service's schemas [shop], found schema reporting created by its migrations"
                    + " (rule own-schema).\nCreate its objects in shop and drop the schema");
        }
    }

    @Test
    void should_run_after_schema_expected_and_still_check_what_up_apply_left_when_a_migration_failed() {
        assertThat(Verifier.checkIds()).extracting(c -> c.id()).containsSubsequence("schema.expected", "naming.object");

        MigrationFolder.in(dir.resolve("broken")).file("harness.yaml", CONFIG)
                .file("V1__shop.sql", ORDERS + "CREATE INDEX orders_status ON shop.orders (status);\n")
                .file("U1__shop.sql", "-- harness:irreversible test\n")
                .file("V2__bad.sql", "CREATE TABLE;\n").file("U2__bad.sql", "-- harness:irreversible test\n");
        ServiceReport report = new Verifier(SharedServer.get())
                .verify(MigrationSetReader.read(dir.resolve("broken"), "broken"), VerifyOptions.defaults());

        assertThat(report.checks()).filteredOn(c -> c.check().equals("naming.object")).singleElement()
                .extracting(CheckResult::status).isEqualTo(CheckResult.Status.FAILED);
        assertThat(report.findings()).filteredOn(f -> f.check().equals("naming.object"))
                .extracting(f -> f.severity() + " " + f.migration() + " " + f.message().lines().findFirst().orElseThrow())
                .containsExactly("INFO null Only the objects of the migrations before V2 were checked: up.apply failed at"
                                + " V2, so V2 and the migrations after it created nothing. The identifiers written in"
                                + " every script were checked.",
                        "ERROR 1 index shop.orders_status: expected a name matching idx_orders_.* (or PostgreSQL's own"
                                + " orders_<columns>_idx) for an index on shop.orders (rule index-prefix).");
    }

    @Test
    void should_be_skipped_with_the_reason_when_up_apply_could_not_run() {
        MigrationFolder.in(dir.resolve("duplicate")).file("V1__a.sql", "SELECT 1;\n").file("V1.0__b.sql", "SELECT 1;\n");
        ServiceReport report = new Verifier(SharedServer.get())
                .verify(MigrationSetReader.read(dir.resolve("duplicate"), "duplicate"), VerifyOptions.defaults());

        assertThat(report.checks()).filteredOn(c -> c.check().equals("naming.object")).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(CheckResult.Status.SKIPPED);
                    assertThat(c.reason()).isEqualTo("up.apply skipped: two migrations share a version");
                });
    }
}
