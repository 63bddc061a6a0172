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
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.ShopSchema;

@DisplayName("seed.load and idempotency.seed")
class SeedChecksTests {

    static final String BRANDS = "table: brands\nkey: [slug]\nrows:\n  - {slug: audiotech, name: AudioTech}\n";

    @TempDir
    Path dir;

    private MigrationSet shop() {
        MigrationFolder.in(dir.resolve("migrations")).file("harness.yaml", "schemas: [shop]\n")
                .file("V1__shop.sql", ShopSchema.V1).file("U1__shop.sql", "DROP TABLE shop.notes, shop.players, shop.teams,"
                        + " shop.products, shop.brands, shop.categories CASCADE;\n");
        return MigrationSetReader.read(dir.resolve("migrations"), "shop");
    }

    private ServiceReport verify(MigrationSet set, Path seeds, List<String> environments) {
        return new Verifier(SharedServer.get()).verify(set, new VerifyOptions(null, false, seeds, environments));
    }

    private static CheckResult.Status status(ServiceReport report, String check) {
        return report.checks().stream().filter(c -> c.check().equals(check)).findFirst().orElseThrow().status();
    }

    private static List<Finding> findings(ServiceReport report, String check) {
        return report.findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    @Test
    void should_pass_both_checks_for_every_environment_of_idempotent_seeds() {
        Path seeds = MigrationFolder.in(dir.resolve("seeds")).file("common/brands.yaml", BRANDS)
                .file("development/notes.sql", "INSERT INTO notes (body) SELECT 'hi' WHERE NOT EXISTS (SELECT 1 FROM notes);\n")
                .file("staging/more-brands.yaml", BRANDS.replace("audiotech", "techgear")).path();

        ServiceReport report = verify(shop(), seeds, List.of());

        assertThat(report.findings()).isEmpty();
        assertThat(status(report, "seed.load")).isEqualTo(CheckResult.Status.PASSED);
        assertThat(status(report, "idempotency.seed")).isEqualTo(CheckResult.Status.PASSED);
        assertThat(report.status()).isEqualTo(ServiceReport.Status.PASSED);
    }

    @Test
    void should_catch_a_plain_insert_that_duplicates_rows_on_the_second_load() {
        Path seeds = MigrationFolder.in(dir.resolve("seeds")).file("development/brands.yaml", BRANDS)
                .file("development/notes.sql", "INSERT INTO notes (body) VALUES ('welcome'), ('read me');\n").path();

        ServiceReport report = verify(shop(), seeds, List.of());

        assertThat(status(report, "seed.load")).isEqualTo(CheckResult.Status.PASSED);
        assertThat(status(report, "idempotency.seed")).isEqualTo(CheckResult.Status.FAILED);
        assertThat(findings(report, "idempotency.seed")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(DisplayPath.of(seeds.resolve("development")));
            assertThat(f.message()).startsWith("Loading the development seeds a second time changed 1 table:\n"
                    + "  shop.notes: 2 rows before, 4 after (2 added)\nSeeds must be idempotent:");
        });
    }

    @Test
    void should_catch_a_seed_that_changes_values_on_every_load() {
        Path seeds = MigrationFolder.in(dir.resolve("seeds")).file("development/brands.yaml", BRANDS)
                .file("development/rename.sql", "UPDATE brands SET name = name || '!';\n").path();

        ServiceReport report = verify(shop(), seeds, List.of("development"));

        assertThat(findings(report, "idempotency.seed")).singleElement().extracting(Finding::message).asString()
                .contains("  shop.brands: 1 row before, 1 after (1 added, 1 removed, 1 row changed)");
    }

    @Test
    void should_report_a_seed_that_fails_to_load_with_its_file_and_line() {
        Path seeds = MigrationFolder.in(dir.resolve("seeds"))
                .file("development/notes.sql", "INSERT INTO notes (body) VALUES ('a');\nINSERT INTO nowhere VALUES (1);\n").path();

        ServiceReport report = verify(shop(), seeds, List.of());

        assertThat(status(report, "seed.load")).isEqualTo(CheckResult.Status.FAILED);
        assertThat(status(report, "idempotency.seed")).isEqualTo(CheckResult.Status.SKIPPED);
        assertThat(findings(report, "seed.load")).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(DisplayPath.of(seeds.resolve("development/notes.sql")));
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).startsWith("The development seeds do not load on the migrated schema: "
                    + DisplayPath.of(seeds.resolve("development/notes.sql")) + " line 2: ERROR: relation \"nowhere\" does not exist");
        });
    }

    @Test
    void should_skip_both_checks_without_a_seeds_folder_or_when_up_apply_failed() {
        ServiceReport noSeeds = verify(shop(), null, List.of());
        assertThat(status(noSeeds, "seed.load")).isEqualTo(CheckResult.Status.SKIPPED);
        assertThat(status(noSeeds, "idempotency.seed")).isEqualTo(CheckResult.Status.SKIPPED);

        MigrationFolder.in(dir.resolve("broken")).file("V1__bad.sql", "CREATE TABLE;\n").file("U1__bad.sql", "SELECT 1;\n");
        Path seeds = MigrationFolder.in(dir.resolve("seeds")).file("development/brands.yaml", BRANDS).path();
        ServiceReport broken = verify(MigrationSetReader.read(dir.resolve("broken"), "broken"), seeds, List.of());
        assertThat(status(broken, "seed.load")).isEqualTo(CheckResult.Status.SKIPPED);
        assertThat(status(broken, "idempotency.seed")).isEqualTo(CheckResult.Status.SKIPPED);
        assertThat(broken.checks()).filteredOn(c -> List.of("seed.load", "idempotency.seed").contains(c.check()))
                .extracting(CheckResult::reason).containsOnly("up.apply failed at V1");
        assertThat(broken.findings()).filteredOn(f -> f.severity() == Severity.ERROR).extracting(Finding::check)
                .containsOnly("up.apply");
    }

    @Test
    void should_verify_the_seeds_of_any_migrations_folder_from_the_command_line() {
        Path seeds = MigrationFolder.in(dir.resolve("seeds")).file("development/brands.yaml", BRANDS)
                .file("staging/notes.sql", "INSERT INTO notes (body) VALUES ('duplicated on every load');\n").path();
        shop();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        int code = org.migrationharness.cli.Main.run(new String[] {"verify", "--migrations", dir.resolve("migrations").toString(),
                "--seeds", seeds.toString(), "--env", "staging", "--postgres", "embedded"},
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));

        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("ERROR idempotency.seed").contains("shop.notes: 1 row before, 2 after (1 added)")
                .doesNotContain("brands");
        assertThat(err.toString()).containsPattern("seed\\.load\\s+passed").containsPattern("idempotency\\.seed\\s+failed");
    }

    @Test
    void should_run_after_up_apply_in_the_verifier() {
        assertThat(Verifier.checkIds()).extracting(c -> c.id())
                .containsSubsequence("up.apply", "seed.load", "idempotency.seed");
    }
}
