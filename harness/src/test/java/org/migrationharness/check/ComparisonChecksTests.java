package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;

/**
 * The snapshot comparisons of the step walk, the chain and remigrate, on small sets built here (the fixture sets of
 * test-fixtures run the same through the CLI): what each sees, and how each reports it.
 */
@DisplayName("the snapshot comparisons of the reversibility checks")
class ComparisonChecksTests {

    static final String ACCOUNTS = "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);\n";

    @TempDir
    Path dir;

    private ServiceReport verify(MigrationFolder folder) {
        return new Verifier(SharedServer.get()).verify(MigrationSetReader.read(folder.path(), "accounts"),
                VerifyOptions.defaults());
    }

    private static List<String> findings(ServiceReport report) {
        return report.findings().stream().map(f -> f.check() + " " + f.severity().id() + " [" + f.migration() + "] "
                + f.file() + ":" + f.line() + "\n" + f.message()).toList();
    }

    @Test
    void should_report_what_only_the_chains_final_comparison_sees() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("migrations"))
                .file("V1__create_accounts.sql", ACCOUNTS)
                .file("U1__create_accounts.sql", "-- harness:irreversible kept\n")
                .file("V2__add_name.sql", "ALTER TABLE accounts ADD COLUMN name text;\n")
                .file("U2__add_name.sql", "ALTER TABLE accounts DROP COLUMN name;\n")
                .file("R__flags.sql", "ALTER TABLE accounts ADD COLUMN IF NOT EXISTS flags text;\n");

        ServiceReport report = verify(folder);

        List<Finding> chain = report.findings().stream().filter(f -> f.check().equals("chain.down-up")).toList();
        assertThat(chain).extracting(Finding::severity).containsExactly(Severity.INFO, Severity.WARNING);
        assertThat(chain.get(0).message()).isEqualTo("The chain stops above 1: it is marked irreversible (kept).");
        assertThat(chain.get(1).message()).startsWith("After walking down to before V2 and up again, the column order"
                + " differs from the first full up: table accounts\n"
                + "table accounts: column order [id, email, name, flags] -> [id, email, flags, name]\n");
        assertThat(report.status()).isEqualTo(ServiceReport.Status.PASSED);
    }

    @Test
    void should_report_a_column_that_moved_and_changed_in_two_findings_each_with_its_own_differences() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("migrations"))
                .file("V1__create_accounts.sql", "CREATE TABLE accounts (id bigint, phone varchar(32), email text);\n")
                .file("U1__create_accounts.sql", "DROP TABLE accounts;\n")
                .file("V2__drop_phone.sql", "ALTER TABLE accounts DROP COLUMN phone;\n")
                .file("U2__drop_phone.sql", "ALTER TABLE accounts ADD COLUMN phone text;\n");
        String file = folder.path().resolve("U2__drop_phone.sql").toString();

        ServiceReport report = verify(folder);

        assertThat(findings(report)).containsExactly(
                "down.leaves-trace error [2] " + DisplayPath.of(Path.of(file)) + ":null\n"
                        + "after U2 the schema differs from before V2: table accounts\n"
                        + "table accounts: column phone: type character varying(32) -> text\n"
                        + "Make U2__drop_phone.sql drop or restore each of these.",
                "down.leaves-trace warning [2] " + DisplayPath.of(Path.of(file)) + ":null\n"
                        + "after U2 the column order differs from before V2: table accounts\n"
                        + "table accounts: column order [id, phone, email] -> [id, email, phone]\n"
                        + "Only the columns' positions differ (compare.column-order: warning): a column dropped and"
                        + " added again goes last. Recreate the table to restore the order, or accept it with compare:"
                        + " {column-order: ignore} in harness.yaml.");
    }

    @Test
    void should_see_what_a_down_drops_of_an_earlier_migration_and_leaves_outside_the_declared_schemas() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("migrations"))
                .file("harness.yaml", "schemas: [ledger]\n")
                .file("V1__create_entries.sql", "CREATE TABLE ledger.entries (id bigint, code text);\n"
                        + "CREATE INDEX idx_entries_code ON ledger.entries (code);\n")
                .file("U1__create_entries.sql", "DROP TABLE ledger.entries;\n")
                .file("V2__add_note.sql", "ALTER TABLE ledger.entries ADD COLUMN note text;\n")
                .file("U2__add_note.sql", "CREATE TABLE public.notes_backup AS SELECT id, note FROM ledger.entries;\n"
                        + "ALTER TABLE ledger.entries DROP COLUMN note;\nDROP INDEX ledger.idx_entries_code;\n");

        ServiceReport report = verify(folder);

        List<Finding> trace = report.findings().stream().filter(f -> f.check().equals("down.leaves-trace")).toList();
        assertThat(trace).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.migration()).isEqualTo("2");
            assertThat(f.message()).isEqualTo("after U2 the schema differs from before V2: table ledger.entries,"
                    + " table public.notes_backup\n"
                    + "table ledger.entries: index idx_entries_code: present before V2, absent after U2"
                    + " (CREATE INDEX idx_entries_code ON ledger.entries USING btree (code))\n"
                    + "table public.notes_backup: present after U2, absent before V2\n"
                    + "Make U2__add_note.sql drop or restore each of these.");
        });
        assertThat(report.findings()).extracting(Finding::check)
                .containsExactly("down.leaves-trace", "up.reapply-differs", "chain.down-up");
        assertThat(report.findings().get(1).message()).isEqualTo("V2 applied again after U2 gives a different schema than"
                + " the first time: table ledger.entries, table public.notes_backup\n"
                + "table ledger.entries: index idx_entries_code: present first V2, absent after U2 and V2 again"
                + " (CREATE INDEX idx_entries_code ON ledger.entries USING btree (code))\n"
                + "table public.notes_backup: present after U2 and V2 again, absent first V2\n"
                + "U2__add_note.sql restores something differently, or leaves something V2__add_note.sql then keeps.");
        assertThat(report.findings().get(2).message()).isEqualTo("After walking down to before V1 and up again, the"
                + " schema differs from the first full up: table public.notes_backup\n"
                + "table public.notes_backup: present down and up again, absent first up");
    }

    @Test
    void should_skip_every_comparison_with_its_reason_when_up_fails() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("migrations"))
                .file("V1__create_accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email txt);\n")
                .file("U1__create_accounts.sql", "DROP TABLE accounts;\n");

        ServiceReport report = verify(folder);

        assertThat(report.checks().stream().filter(c -> List.of("down.leaves-trace", "up.reapply-differs",
                "chain.down-up", "idempotency.remigrate").contains(c.check())))
                .extracting(c -> c.check() + " " + c.status().id() + " " + c.reason())
                .containsExactly("down.leaves-trace skipped up.apply failed at V1",
                        "up.reapply-differs skipped up.apply failed at V1", "chain.down-up skipped up.apply failed at V1",
                        "idempotency.remigrate skipped up.apply failed at V1");
    }

    @Test
    void should_report_a_remigrate_that_changes_the_schema() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("migrations"))
                .file("V1__create_accounts.sql", ACCOUNTS)
                .file("U1__create_accounts.sql", "DROP TABLE accounts;\n")
                .file("afterMigrate.sql", "DO $$ BEGIN EXECUTE format('COMMENT ON TABLE accounts IS %L', 'migrated at '"
                        + " || clock_timestamp()); END $$;\n");

        ServiceReport report = verify(folder);

        List<Finding> remigrate = report.findings().stream()
                .filter(f -> f.check().equals("idempotency.remigrate")).toList();
        assertThat(remigrate).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).startsWith("Migrating an up-to-date database again changed the schema: table accounts\n"
                    + "table accounts: comment migrated at ");
            assertThat(f.message().lines()).hasSize(2);
        });
    }
}
