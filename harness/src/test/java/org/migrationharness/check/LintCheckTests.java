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

/** {@code lint} in a run: which migrations it judges (new since the base, after the baseline) and how it reports. */
class LintCheckTests {

    private static final String V1 = "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n";
    private static final String U1 = "DROP TABLE orders;\n";
    private static final String V2 = "CREATE INDEX idx_orders_status ON orders (status);\n";
    private static final String U2 = "DROP INDEX idx_orders_status;\n";
    private static final String V3 = "SET lock_timeout = '5s';\nALTER TABLE orders ALTER COLUMN status SET NOT NULL;\n";
    private static final String U3 = "ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;\n";

    @TempDir
    Path dir;

    private MigrationSet set(String folder, boolean withV3, String config) {
        MigrationFolder f = MigrationFolder.in(dir.resolve(folder)).file("V1__orders.sql", V1).file("U1__orders.sql", U1)
                .file("V2__index_status.sql", V2).file("U2__index_status.sql", U2);
        if (withV3) {
            f.file("V3__status_required.sql", V3).file("U3__status_required.sql", U3);
        }
        if (config != null) {
            f.file("harness.yaml", config);
        }
        return MigrationSetReader.read(f.path(), "shop");
    }

    private static CheckResult lint(ServiceReport report) {
        return report.checks().stream().filter(c -> c.check().equals("lint")).findFirst().orElseThrow();
    }

    private static List<Finding> lintFindings(ServiceReport report) {
        return report.findings().stream().filter(f -> f.check().startsWith("lint.")).toList();
    }

    @Test
    void should_judge_only_the_migrations_that_are_not_on_the_base() {
        MigrationSet base = set("base", false, null);
        MigrationSet current = set("current", true, null);

        ServiceReport report = new Verifier(SharedServer.get()).verify(current,
                VerifyOptions.defaults().withBase(new HistoryBase(base.directory(), base)));

        assertThat(lint(report).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(lintFindings(report)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("lint.set-not-null");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.migration()).isEqualTo("3");
            assertThat(f.line()).isEqualTo(2);
        });
        assertThat(report.status()).isEqualTo(ServiceReport.Status.FAILED);
    }

    @Test
    void should_judge_only_the_migrations_after_the_naming_baseline_without_a_base() {
        ServiceReport report = new Verifier(SharedServer.get()).verify(set("current", true, "naming: {since: 2}\n"),
                VerifyOptions.defaults());

        assertThat(lintFindings(report)).extracting(Finding::check, Finding::migration)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lint.set-not-null", "3"));
    }

    @Test
    void should_judge_nothing_in_a_set_the_base_does_not_have_as_none_of_its_tables_is_in_production() {
        ServiceReport report = new Verifier(SharedServer.get()).verify(set("current", true, null),
                VerifyOptions.defaults().withBase(new HistoryBase(dir.resolve("base-without-it"), null)));

        assertThat(lint(report).status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(lintFindings(report)).isEmpty();
    }

    @Test
    void should_be_skipped_without_a_base_or_a_baseline_so_old_history_is_not_judged() {
        ServiceReport report = new Verifier(SharedServer.get()).verify(set("current", true, null), VerifyOptions.defaults());

        assertThat(lint(report).status()).isEqualTo(CheckResult.Status.SKIPPED);
        assertThat(lint(report).reason()).isEqualTo(LintCheck.NO_SCOPE);
        assertThat(lintFindings(report)).isEmpty();
    }

    @Test
    void should_pass_when_the_new_migration_suppresses_the_rule_with_a_reason() {
        MigrationSet base = set("base", false, null);
        MigrationFolder.in(dir.resolve("allowed")).file("V1__orders.sql", V1).file("U1__orders.sql", U1)
                .file("V2__index_status.sql", V2).file("U2__index_status.sql", U2)
                .file("V3__status_required.sql", "-- harness:allow lint.set-not-null orders holds 12 rows\n" + V3)
                .file("U3__status_required.sql", U3);
        MigrationSet current = MigrationSetReader.read(dir.resolve("allowed"), "shop");

        ServiceReport report = new Verifier(SharedServer.get()).verify(current,
                VerifyOptions.defaults().withBase(new HistoryBase(base.directory(), base)));

        assertThat(lint(report).status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(lintFindings(report)).isEmpty();
    }
}
