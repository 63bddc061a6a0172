package org.migrationharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaFiles;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;

/**
 * {@code verify --report-json} and {@code snapshot --output} check their path before any server starts, and never
 * create a missing folder. Refusals run with {@code --postgres embedded}: had the check let them through, a server
 * would start (and the test would see "Starting PostgreSQL" and take seconds).
 */
@DisplayName("output paths are checked before any server starts")
class OutputFileTests {

    @TempDir
    Path tmp;

    private Path set;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private long elapsedMs;

    @BeforeEach
    void migrations() {
        set = MigrationFolder.in(tmp.resolve("accounts"))
                .file("V1__create_accounts.sql", "CREATE TABLE accounts (id bigint, CONSTRAINT pk_accounts PRIMARY KEY (id));")
                .file("U1__create_accounts.sql", "DROP TABLE accounts;")
                .path();
    }

    @Test
    void should_refuse_a_report_json_in_a_missing_folder_before_starting_any_server() {
        Path report = tmp.resolve("reports/run.json");

        int code = run("verify", "--migrations", set.toString(), "--postgres", "embedded", "--report-json", report.toString());

        assertThat(code).as(err()).isEqualTo(2);
        assertThat(elapsedMs).as("refused at once, without starting a server").isLessThan(1000);
        assertThat(err()).isEqualTo("error: Cannot write --report-json " + report + ": expected its folder " + tmp
                + "/reports to exist, but there is no such folder (the harness does not create it).\n"
                + "Create the folder first (mkdir -p " + tmp + "/reports), or give a path in an existing folder.\n")
                .doesNotContain("Starting PostgreSQL");
        assertThat(out()).isEmpty();
        assertThat(tmp.resolve("reports")).doesNotExist();
    }

    @Test
    void should_refuse_a_snapshot_output_in_a_missing_folder_before_starting_any_server() {
        Path output = tmp.resolve("snapshots/accounts.json");

        int code = run("snapshot", "--migrations", set.toString(), "--postgres", "embedded", "--output", output.toString());

        assertThat(code).as(err()).isEqualTo(2);
        assertThat(elapsedMs).as("refused at once, without starting a server").isLessThan(1000);
        assertThat(err()).startsWith("error: Cannot write --output " + output + ": expected its folder " + tmp
                + "/snapshots to exist, but there is no such folder").doesNotContain("Starting PostgreSQL");
        assertThat(tmp.resolve("snapshots")).doesNotExist();
    }

    @Test
    void should_refuse_an_output_path_that_is_a_folder_and_suggest_a_file_in_it() {
        assertThat(run("verify", "--migrations", set.toString(), "--postgres", "embedded", "--report-json", tmp.toString()))
                .isEqualTo(2);
        assertThat(err()).isEqualTo("error: Cannot write --report-json " + tmp + ": expected a file, but it is a folder.\n"
                + "Give a file in it, e.g. --report-json " + tmp + "/report.json.\n");

        assertThat(run("snapshot", "--migrations", set.toString(), "--postgres", "embedded", "--output", tmp.toString()))
                .isEqualTo(2);
        assertThat(err()).startsWith("error: Cannot write --output " + tmp + ": expected a file, but it is a folder.\n"
                + "Give a file in it, e.g. --output " + tmp + "/schema.json.").doesNotContain("Starting PostgreSQL");
    }

    @Test
    void should_refuse_an_output_path_whose_folder_is_a_file() throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "not a folder");

        assertThat(run("verify", "--migrations", set.toString(), "--postgres", "embedded",
                "--report-json", notes.resolve("run.json").toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("error: Cannot write --report-json " + notes + "/run.json: expected " + notes
                + " to be a folder, but it is a file.\nGive a path in an existing folder.\n")
                .doesNotContain("Starting PostgreSQL");
    }

    @Test
    void should_refuse_a_read_only_folder_or_file_before_starting_any_server() throws IOException {
        Path readOnly = Files.createDirectory(tmp.resolve("read-only"));
        Path existing = Files.writeString(tmp.resolve("old.json"), "{}");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("r--r--r--"));
        try {
            assumeThat(Files.isWritable(readOnly) || Files.isWritable(existing))
                    .as("permissions bind this user (root may write anywhere)").isFalse();

            assertThat(run("verify", "--migrations", set.toString(), "--postgres", "embedded",
                    "--report-json", readOnly.resolve("run.json").toString())).isEqualTo(2);
            assertThat(err()).isEqualTo("error: Cannot write --report-json " + readOnly + "/run.json: expected its folder "
                    + readOnly + " to be writable, but it is not.\nGive a path in a folder you can write to, or make "
                    + readOnly + " writable.\n");

            assertThat(run("snapshot", "--migrations", set.toString(), "--postgres", "embedded",
                    "--output", existing.toString())).isEqualTo(2);
            assertThat(err()).isEqualTo("error: Cannot write --output " + existing + ": expected a writable file, but the "
                    + "file exists and is read-only.\nMake it writable (chmod u+w " + existing + "), or give another path.\n");
            assertThat(existing).hasContent("{}");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void should_write_the_report_and_the_snapshot_into_existing_folders_replacing_existing_files() throws IOException {
        Database admin = SharedServer.get().createDatabase("output_admin");
        try {
            Path report = Files.writeString(tmp.resolve("run.json"), "old");
            List<String> external = List.of("--postgres", "external", "--jdbc-url", admin.jdbcUrl(), "--user", admin.user());

            assertThat(run(with(external, "verify", "--migrations", set.toString(), "--report-json", report.toString())))
                    .as(err()).isZero();
            assertThat(Files.readString(report)).contains("\"tool\" : \"migration-harness\"");

            Path output = Files.writeString(tmp.resolve("accounts.json"), "old");
            assertThat(run(with(external, "snapshot", "--migrations", set.toString(), "--output", output.toString())))
                    .as(err()).isZero();
            assertThat(SchemaFiles.read(output).table("accounts")).isPresent();
        } finally {
            SharedServer.get().dropDatabase(admin);
        }
    }

    private static String[] with(List<String> more, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(more);
        return all.toArray(String[]::new);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        long start = System.nanoTime();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return Main.run(args, o, e);
        } finally {
            elapsedMs = (System.nanoTime() - start) / 1_000_000;
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
