package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;

/** The rules of {@code lint} over script text: each with a failing and a passing script, and the suppression. */
class LintTests {

    private static final String TABLES = "CREATE TABLE customers (id bigint PRIMARY KEY, name text);\n"
            + "CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id bigint, status text, total int);\n";

    @TempDir
    Path dir;

    /** The findings on V2 ({@code up}) after V1 created {@code customers} and {@code shop.orders}. */
    private List<Finding> lint(String up) {
        MigrationSet set = MigrationSetReader.read(MigrationFolder.in(dir).file("V1__tables.sql", TABLES)
                .file("V2__change.sql", up).path(), "shop");
        return Lint.findings(set.migrations(), m -> m.version().text().equals("2"));
    }

    private List<String> rules(String up) {
        return lint(up).stream().map(Finding::check).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lint.index-not-concurrent | CREATE INDEX idx_orders_status ON shop.orders (status)"
                + " | CREATE INDEX CONCURRENTLY idx_orders_status ON shop.orders (status)",
        "lint.constraint-not-valid | ALTER TABLE shop.orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id)"
                + " | ALTER TABLE shop.orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID",
        "lint.set-not-null | ALTER TABLE customers ALTER COLUMN name SET NOT NULL"
                + " | ALTER TABLE customers ALTER COLUMN name DROP NOT NULL",
        "lint.column-type-change | ALTER TABLE shop.orders ALTER COLUMN total TYPE bigint"
                + " | ALTER TABLE shop.orders ALTER COLUMN total SET DEFAULT 0",
        "lint.volatile-default | ALTER TABLE customers ADD COLUMN token uuid DEFAULT gen_random_uuid()"
                + " | ALTER TABLE customers ADD COLUMN created timestamptz DEFAULT now()",
        "lint.drop-column-or-table | ALTER TABLE customers DROP COLUMN name"
                + " | ALTER TABLE customers DROP CONSTRAINT customers_name_check",
        "lint.rename | ALTER TABLE customers RENAME COLUMN name TO full_name"
                + " | ALTER TABLE customers RENAME CONSTRAINT customers_pkey TO customers_id_pkey",
        "lint.add-serial-column | ALTER TABLE customers ADD COLUMN number bigserial"
                + " | ALTER TABLE customers ADD COLUMN number bigint",
        "lint.ddl-with-data-update | ALTER TABLE customers ADD COLUMN vip boolean; UPDATE customers SET vip = false"
                + " | UPDATE customers SET name = upper(name)",
    })
    void should_flag_the_risky_statement_and_pass_its_safe_variant(String rule, String risky, String safe) {
        String timeout = "SET lock_timeout = '5s';\n";

        assertThat(rules(timeout + risky + ";\n")).containsExactly(rule);
        assertThat(rules(timeout + safe + ";\n")).isEmpty();
    }

    @Test
    void should_give_the_file_the_line_the_statement_why_and_the_safe_alternative() {
        List<Finding> findings = lint("SET lock_timeout = '5s';\n\n-- index it\nCREATE INDEX idx_orders_status\n"
                + "    ON shop.orders (status);\n");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("lint.index-not-concurrent");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.migration()).isEqualTo("2");
            assertThat(f.file()).endsWith("V2__change.sql");
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.message()).startsWith("CREATE INDEX idx_orders_status ON shop.orders (status)\n").contains("SHARE lock on shop.orders")
                    .contains("Safe: CREATE INDEX CONCURRENTLY");
        });
    }

    @Test
    void should_report_a_rule_once_per_statement() {
        assertThat(rules("SET lock_timeout = '5s';\nALTER TABLE shop.orders ALTER COLUMN status SET NOT NULL,\n"
                + "    ALTER COLUMN total SET NOT NULL;\nALTER TABLE customers ALTER COLUMN name SET NOT NULL;\n"))
                .containsExactly("lint.set-not-null", "lint.set-not-null");
    }

    @Test
    void should_not_flag_a_table_created_in_the_same_script_nor_one_no_migration_created() {
        assertThat(rules("CREATE TABLE notes (id int, body text);\nCREATE INDEX idx_notes_body ON notes (body);\n"
                + "ALTER TABLE notes ALTER COLUMN body SET NOT NULL;\nALTER TABLE legacy ALTER COLUMN x TYPE int;\n"))
                .isEmpty();
    }

    @Test
    void should_treat_public_and_unqualified_names_as_one_table_and_other_schemas_as_others() {
        assertThat(rules("SET lock_timeout = '1s';\nCREATE INDEX i1 ON public.customers (name);\n"
                + "CREATE INDEX i2 ON orders (status);\n")).containsExactly("lint.index-not-concurrent");
    }

    @Test
    void should_warn_of_a_locking_statement_without_an_earlier_lock_timeout_once_per_script() {
        List<Finding> findings = lint("ALTER TABLE customers ADD COLUMN note text;\nALTER TABLE customers ADD COLUMN x int;\n"
                + "SET lock_timeout = '5s';\n");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("lint.missing-lock-timeout");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.line()).isEqualTo(1);
        });
        assertThat(rules("SET LOCAL lock_timeout TO '5s';\nALTER TABLE customers ADD COLUMN note text;\n")).isEmpty();
    }

    @Test
    void should_warn_of_dropping_a_table_and_forget_it_afterwards() {
        MigrationSet set = MigrationSetReader.read(MigrationFolder.in(dir).file("V1__tables.sql", TABLES)
                .file("V2__drop.sql", "SET lock_timeout = '5s';\nDROP TABLE IF EXISTS customers;\n")
                .file("V3__again.sql", "CREATE TABLE customers (id int);\nCREATE INDEX i ON customers (id);\n")
                .path(), "shop");

        assertThat(Lint.findings(set.migrations(), m -> true)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("lint.drop-column-or-table");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void should_follow_a_renamed_table_into_later_migrations() {
        MigrationSet set = MigrationSetReader.read(MigrationFolder.in(dir).file("V1__tables.sql", TABLES)
                .file("V2__rename.sql", "-- harness:allow lint.rename nothing reads it yet\n"
                        + "SET lock_timeout = '5s';\nALTER TABLE customers RENAME TO clients;\n")
                .file("V3__index.sql", "SET lock_timeout = '5s';\nCREATE INDEX i ON clients (name);\n").path(), "shop");

        assertThat(Lint.findings(set.migrations(), m -> true)).extracting(Finding::check, Finding::migration)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lint.index-not-concurrent", "3"));
    }

    @Test
    void should_flag_an_identity_column_and_a_foreign_key_added_without_a_constraint_name() {
        assertThat(rules("SET lock_timeout = '5s';\n"
                + "ALTER TABLE customers ADD COLUMN n int GENERATED ALWAYS AS IDENTITY, ADD FOREIGN KEY (id) REFERENCES"
                + " shop.orders (id);\n")).containsExactly("lint.add-serial-column", "lint.constraint-not-valid");
    }

    @Test
    void should_not_flag_a_data_update_in_a_script_that_runs_outside_a_transaction() {
        assertThat(rules("SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY i ON customers (name);\n"
                + "DELETE FROM customers WHERE name IS NULL;\n")).isEmpty();
    }

    @Test
    void should_suppress_a_rule_in_a_script_only_with_a_reason() {
        String risky = "SET lock_timeout = '5s';\nCREATE INDEX i ON customers (name);\n";

        assertThat(rules("-- harness:allow lint.index-not-concurrent customers holds 40 rows\n" + risky)).isEmpty();
        assertThat(rules("-- harness:allow lint.index-not-concurrent\n" + risky))
                .containsExactly("lint.index-not-concurrent");
        assertThat(rules("-- harness:allow lint.rename some reason\n" + risky)).containsExactly("lint.index-not-concurrent");
    }

    @Test
    void should_judge_only_the_migrations_it_is_given_while_tracking_the_tables_of_all() {
        MigrationSet set = MigrationSetReader.read(MigrationFolder.in(dir).file("V1__tables.sql", TABLES)
                .file("V2__old.sql", "CREATE INDEX i1 ON customers (name);\n")
                .file("V3__new.sql", "SET lock_timeout = '5s';\nCREATE INDEX i2 ON shop.orders (status);\n").path(), "shop");

        assertThat(Lint.findings(set.migrations(), m -> !m.version().text().equals("2")))
                .extracting(Finding::migration).containsExactly("3");
    }

    @Test
    void should_declare_every_rule_as_an_id_with_its_meaning_and_explanation() {
        assertThat(CheckId.lintRules()).hasSize(10).allSatisfy(rule -> {
            assertThat(rule.id()).startsWith("lint.");
            assertThat(CheckId.of(rule.id())).isSameAs(rule);
            assertThat(rule.declared()).isTrue();
            assertThat(rule.explanation()).startsWith("Proves:");
        });
        assertThat(Verifier.checkIds()).contains(CheckId.LINT).doesNotContainAnyElementsOf(CheckId.lintRules());
    }
}
