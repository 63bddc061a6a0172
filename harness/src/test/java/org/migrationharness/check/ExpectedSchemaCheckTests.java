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
import org.migrationharness.schema.SchemaFiles;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;

/** schema.expected when there is no expectation: a service must commit one; a bare folder says why it was skipped. */
@DisplayName("schema.expected without an expectation")
class ExpectedSchemaCheckTests {

    @TempDir
    Path dir;

    private MigrationSet accounts() {
        MigrationFolder.in(dir.resolve("migrations"))
                .file("V1__create_accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);\n")
                .file("U1__create_accounts.sql", "DROP TABLE accounts;\n");
        return MigrationSetReader.read(dir.resolve("migrations"), "accounts");
    }

    private static CheckResult result(ServiceReport report) {
        return report.checks().stream().filter(c -> c.check().equals("schema.expected")).findFirst().orElseThrow();
    }

    private static List<Finding> findings(ServiceReport report) {
        return report.findings().stream().filter(f -> f.check().equals("schema.expected")).toList();
    }

    @Test
    void should_fail_a_service_whose_committed_expectation_is_missing_naming_the_file_to_write() {
        Path expected = dir.resolve("expected-schema.json");

        ServiceReport report = new Verifier(SharedServer.get())
                .verify(accounts(), new VerifyOptions(expected, true, null, List.of()));

        assertThat(result(report).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(findings(report)).containsExactly(new Finding("schema.expected", Severity.ERROR, null,
                DisplayPath.of(expected), null, "No expected schema committed for accounts at " + DisplayPath.of(expected)
                + ".\nWrite one from the migrations with the explicit switch, review it and commit it:\n"
                + "  java -jar harness/target/migration-harness.jar snapshot --service accounts --write-expected"));
        assertThat(report.status()).isEqualTo(ServiceReport.Status.FAILED);
    }

    @Test
    void should_fail_a_service_that_requires_an_expectation_but_names_none() {
        ServiceReport report = new Verifier(SharedServer.get())
                .verify(accounts(), new VerifyOptions(null, true, null, List.of()));

        assertThat(result(report).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(findings(report)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.file()).isNull();
            assertThat(f.message()).startsWith("No expected schema committed for accounts.\n");
        });
    }

    @Test
    void should_compare_with_the_expectation_of_the_servers_major_version_and_name_every_difference() {
        int major = SharedServer.get().majorVersion();
        Path expected = dir.resolve("expected-schema.json");
        Path versioned = dir.resolve("expected-schema.pg" + major + ".json");
        SchemaFiles.write(SchemaSnapshot.empty(), expected);
        SchemaFiles.write(SchemaSnapshot.empty(), versioned);

        ServiceReport report = new Verifier(SharedServer.get())
                .verify(accounts(), new VerifyOptions(expected, true, null, List.of()));

        assertThat(result(report).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(findings(report)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.file()).isEqualTo(DisplayPath.of(versioned));
            assertThat(f.message())
                    .startsWith("The migrated schema differs from " + DisplayPath.of(versioned) + ": schema public,"
                            + " table accounts\n")
                    .contains("\ntable accounts: present actual, absent expected\n")
                    .endsWith("\nIf the migrations are right, rewrite the expectation (snapshot --service accounts"
                            + " --write-expected) and commit it with them.");
        });
    }

    @Test
    void should_skip_with_its_reason_a_folder_verified_without_an_expectation() {
        ServiceReport report = new Verifier(SharedServer.get()).verify(accounts(), VerifyOptions.defaults());

        assertThat(result(report).status()).isEqualTo(CheckResult.Status.SKIPPED);
        assertThat(result(report).reason()).isEqualTo("no expected schema given");
        assertThat(findings(report)).isEmpty();
        assertThat(report.status()).isEqualTo(ServiceReport.Status.PASSED);
    }
}
