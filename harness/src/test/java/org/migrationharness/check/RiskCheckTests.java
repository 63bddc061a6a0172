package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;

/**
 * The measured checks on a real server: the tables hold rows, each new migration's up and down run as the tool runs
 * them, and the findings say what pg_locks, relfilenode and the scan counters showed. Verdicts never rest on a time:
 * {@code max-lock} and the production size are set far from what any machine measures.
 */
class RiskCheckTests {

    private static final String V1 = "CREATE TABLE orders (id bigint PRIMARY KEY, status text, qty integer,"
            + " code varchar(10));\n";
    private static final String U1 = "DROP TABLE orders;\n";
    private static final String STRICT = "naming: {since: 1}\nrisk: {rows: 20000, production-rows: 1000000000,"
            + " max-lock: 200ms}\n";
    private static final String LENIENT = "naming: {since: 1}\nrisk: {rows: 20000, max-lock: 1h}\n";

    @TempDir
    Path dir;

    private ServiceReport verify(String config, String v2, String u2) {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("set")).file("V1__orders.sql", V1)
                .file("U1__orders.sql", U1).file("V2__change.sql", v2).file("harness.yaml", config);
        if (u2 != null) {
            folder.file("U2__change.sql", u2);
        }
        MigrationSet set = MigrationSetReader.read(folder.path(), "shop");
        return new Verifier(SharedServer.get()).verify(set, VerifyOptions.defaults());
    }

    private static List<Finding> of(ServiceReport report, String check) {
        return report.findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    private static CheckResult result(ServiceReport report, String check) {
        return report.checks().stream().filter(c -> c.check().equals(check)).findFirst().orElseThrow();
    }

    @Test
    void should_report_a_full_scan_under_access_exclusive_for_set_not_null_and_confirm_the_lint_rule() {
        ServiceReport report = verify(STRICT, "SET lock_timeout = '5s';\nALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n",
                "SET lock_timeout = '5s';\nALTER TABLE orders ALTER COLUMN status DROP NOT NULL;\n");

        assertThat(of(report, "risk.scan")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.migration()).isEqualTo("2");
            assertThat(f.file()).endsWith("V2__change.sql");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).startsWith("V2 read all 20,000 rows of orders under ACCESS EXCLUSIVE (blocks reads"
                    + " and writes) in ").contains("ALTER TABLE orders ALTER COLUMN status SET NOT NULL")
                    .contains("At 1,000,000,000 rows (risk.production-rows) about ")
                    .contains("Fix: ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT VALID");
        });
        assertThat(of(report, "risk.lock")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("V2 took ACCESS EXCLUSIVE on orders (blocks reads and writes) and held it")
                    .contains("with 20,000 rows").contains("longer than max-lock 200 ms");
        });
        assertThat(of(report, "risk.rewrite")).isEmpty();
        assertThat(of(report, "lint.set-not-null")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Confirmed by measurement: orders (20,000 rows) read in full under ACCESS EXCLUSIVE"));
        assertThat(result(report, "risk.scan").status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(of(report, "data.rollback-loss")).isEmpty();
        assertThat(result(report, "data.rollback-loss").status()).isEqualTo(CheckResult.Status.PASSED);
    }

    @Test
    void should_report_a_rewrite_for_a_type_change_that_copies_the_rows_and_not_for_one_in_the_catalog_only() {
        ServiceReport rewritten = verify(STRICT, "SET lock_timeout = '5s';\nALTER TABLE orders ALTER COLUMN qty TYPE bigint;\n",
                "ALTER TABLE orders ALTER COLUMN qty TYPE integer;\n");

        assertThat(of(rewritten, "risk.rewrite")).hasSize(2).satisfiesExactly(
                up -> assertThat(up.message()).startsWith("V2 rewrote orders (20,000 rows) in ")
                        .contains("under ACCESS EXCLUSIVE").contains("Fix: add a new column of the new type"),
                down -> {
                    assertThat(down.file()).endsWith("U2__change.sql");
                    assertThat(down.message()).startsWith("U2 rewrote orders (20,000 rows)");
                });
        assertThat(of(rewritten, "lint.column-type-change")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Confirmed by measurement: orders (20,000 rows) rewritten"));

        ServiceReport widened = verify(STRICT, "SET lock_timeout = '5s';\nALTER TABLE orders ALTER COLUMN code TYPE varchar(20);\n",
                "SET lock_timeout = '5s';\nALTER TABLE orders ALTER COLUMN code TYPE varchar(10);\n");

        assertThat(of(widened, "risk.rewrite")).as("varchar(10) to varchar(20) is a catalog change")
                .extracting(Finding::file).allSatisfy(file -> assertThat(file).endsWith("U2__change.sql"));
        assertThat(of(widened, "lint.column-type-change")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Not confirmed by measurement with rows in the tables").contains("no rewrite"));
    }

    @Test
    void should_pass_an_index_built_concurrently_and_report_one_built_under_a_share_lock() {
        ServiceReport blocking = verify(STRICT, "SET lock_timeout = '5s';\nCREATE INDEX idx_orders_status ON orders (status);\n",
                "DROP INDEX idx_orders_status;\n");

        assertThat(of(blocking, "risk.scan")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("under SHARE (blocks writes)").contains("Fix: CREATE INDEX CONCURRENTLY"));

        ServiceReport concurrent = verify(STRICT, "CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);\n",
                "DROP INDEX CONCURRENTLY idx_orders_status;\n");

        assertThat(concurrent.findings()).filteredOn(f -> f.check().startsWith("risk.")).isEmpty();
        assertThat(result(concurrent, "risk.lock").status()).isEqualTo(CheckResult.Status.PASSED);
    }

    @Test
    void should_pass_a_metadata_only_change_under_lock_timeout_and_warn_without_it_in_either_direction() {
        ServiceReport report = verify(LENIENT, "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text DEFAULT 'none';\n",
                "ALTER TABLE orders DROP COLUMN note;\n");

        assertThat(of(report, "risk.lock")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.file()).endsWith("U2__change.sql");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.message()).startsWith("U2 took ACCESS EXCLUSIVE on orders (blocks reads and writes)")
                    .contains("Metadata only: the hold does not grow with the table.")
                    .contains("no lock_timeout was set").contains("Fix: SET lock_timeout = '5s'");
        });
        assertThat(of(report, "risk.rewrite")).isEmpty();
        assertThat(of(report, "risk.scan")).isEmpty();
        assertThat(report.status()).isEqualTo(ServiceReport.Status.PASSED);
    }

    @Test
    void should_report_the_values_a_down_does_not_bring_back_and_accept_an_allowed_loss_as_information() {
        ServiceReport lost = verify(LENIENT, "SET lock_timeout = '5s';\nALTER TABLE orders DROP COLUMN status;\n",
                "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN status text;\n");

        assertThat(of(lost, "data.rollback-loss")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.migration()).isEqualTo("2");
            assertThat(f.file()).endsWith("U2__change.sql");
            assertThat(f.message()).startsWith("After V2 and U2, rows present before V2 did not come back:")
                    .contains("orders.status: values differ in 20,000 of 20,000 rows")
                    .contains("A rollback in production would lose this data.");
        });

        ServiceReport allowed = verify(LENIENT, "SET lock_timeout = '5s';\nALTER TABLE orders DROP COLUMN status;\n",
                "-- harness:allow data.rollback-loss status was never read\nSET lock_timeout = '5s';\n"
                        + "ALTER TABLE orders ADD COLUMN status text;\n");

        assertThat(of(allowed, "data.rollback-loss")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).endsWith("Allowed: status was never read");
        });

        ServiceReport kept = verify(LENIENT, "SET lock_timeout = '5s';\nALTER TABLE orders RENAME COLUMN status TO state;\n",
                "SET lock_timeout = '5s';\nALTER TABLE orders RENAME COLUMN state TO status;\n");

        assertThat(of(kept, "data.rollback-loss")).isEmpty();
    }

    @Test
    void should_take_the_configured_severity_and_turn_a_suppressed_finding_into_information() {
        ServiceReport report = verify(STRICT + "severity: {risk.scan: warning, lint.set-not-null: off}\n",
                "-- harness:allow risk.lock orders is tiny in production\nSET lock_timeout = '5s';\n"
                        + "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n",
                "SET lock_timeout = '5s';\nALTER TABLE orders ALTER COLUMN status DROP NOT NULL;\n");

        assertThat(of(report, "risk.scan")).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(of(report, "risk.lock")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).endsWith("Allowed: orders is tiny in production");
        });
        assertThat(of(report, "lint.set-not-null")).isEmpty();
        assertThat(report.status()).isEqualTo(ServiceReport.Status.PASSED);
    }

    @Test
    void should_skip_the_measured_checks_unless_turned_on_and_judge_only_what_is_new_since_the_base() {
        ServiceReport off = verify("naming: {since: 1}\n", "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n", null);

        for (String check : List.of("risk.lock", "risk.rewrite", "risk.scan", "data.rollback-loss")) {
            assertThat(result(off, check).status()).isEqualTo(CheckResult.Status.SKIPPED);
            assertThat(result(off, check).reason()).isEqualTo(RiskWalk.OFF);
        }

        MigrationFolder folder = MigrationFolder.in(dir.resolve("based")).file("V1__orders.sql", V1)
                .file("U1__orders.sql", U1).file("V2__change.sql", "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n")
                .file("harness.yaml", "risk: true\n");
        MigrationSet set = MigrationSetReader.read(folder.path(), "shop");
        ServiceReport onBase = new Verifier(SharedServer.get()).verify(set,
                VerifyOptions.defaults().withBase(new HistoryBase(set.directory(), set)));

        assertThat(result(onBase, "risk.scan").status()).isEqualTo(CheckResult.Status.SKIPPED);
        assertThat(result(onBase, "risk.scan").reason()).isEqualTo("no migration is new since the base");
    }

    @Test
    void should_start_from_the_development_seeds_topped_up_with_synthetic_rows() {
        Path seeds = MigrationFolder.in(dir.resolve("seeds")).file("development/10_orders.yaml", "table: orders\nkey: [id]\nrows:\n"
                + "  - {id: 1, status: open, qty: 2, code: A-1}\n  - {id: 2, status: paid, qty: 5, code: B-2}\n").path();
        MigrationFolder folder = MigrationFolder.in(dir.resolve("seeded")).file("V1__orders.sql", V1)
                .file("U1__orders.sql", U1).file("harness.yaml", LENIENT)
                .file("V2__change.sql", "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;\n")
                .file("U2__change.sql", "SET lock_timeout = '5s';\nALTER TABLE orders DROP COLUMN note;\n");
        MigrationSet set = MigrationSetReader.read(folder.path(), "shop");

        ServiceReport report = new Verifier(SharedServer.get()).verify(set,
                new VerifyOptions(null, false, seeds, List.of()));

        assertThat(of(report, "risk.lock")).filteredOn(f -> f.severity() == Severity.INFO).extracting(Finding::message)
                .contains("Rows: the development seeds, topped up with synthetic rows to 20000 per table.");
        assertThat(report.findings()).filteredOn(f -> f.check().startsWith("risk.") || f.check().startsWith("data."))
                .extracting(Finding::severity).containsOnly(Severity.INFO);
    }

    @Test
    void should_say_where_the_measurement_stopped_when_a_migration_fails_on_the_rows() {
        ServiceReport report = verify(LENIENT, "SET lock_timeout = '5s';\n"
                + "ALTER TABLE orders ADD CONSTRAINT chk_orders_qty_above_id CHECK (qty > id);\n",
                "SET lock_timeout = '5s';\nALTER TABLE orders DROP CONSTRAINT chk_orders_qty_above_id;\n");

        assertThat(of(report, "risk.lock")).filteredOn(f -> f.severity() == Severity.INFO)
                .anySatisfy(f -> assertThat(f.message()).startsWith("The measurement stopped at V2: ")
                        .contains("chk_orders_qty_above_id").contains("(on rows; the other checks say whether it fails"
                                + " without them)"));
        assertThat(of(report, "up.apply")).as("on an empty table the migration applies").isEmpty();
    }

    @Test
    void should_name_the_tables_no_rows_could_be_generated_for() {
        ServiceReport report = verify(LENIENT, "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;\n"
                        + "CREATE TABLE parts (id bigint PRIMARY KEY, parent_id bigint NOT NULL REFERENCES parts (id));\n",
                "DROP TABLE parts;\nALTER TABLE orders DROP COLUMN note;\n");

        assertThat(of(report, "risk.lock")).filteredOn(f -> f.severity() == Severity.INFO)
                .anySatisfy(f -> assertThat(f.message()).startsWith("No rows in parts: "));
    }
}
