package org.migrationharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaFiles;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.testing.SharedServer;

/** {@code snapshot} through {@link Main#run}, on the shared test server (as an external server). */
class SnapshotCommandTest {

    private static final String ROOT = "harness.repository.root";

    @TempDir
    Path root;

    private String previousRoot;
    private Database admin;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void repository() throws IOException {
        service("shop", "schemas: [shop]\n",
                "V1__create_products.sql", "CREATE TABLE shop.products (id bigint PRIMARY KEY, name text NOT NULL);",
                "U1__create_products.sql", "DROP TABLE shop.products;",
                "V2__add_sku.sql", "ALTER TABLE shop.products ADD COLUMN sku varchar(64);",
                "U2__add_sku.sql", "ALTER TABLE shop.products DROP COLUMN sku;");
        service("billing", "schemas: [billing]\n",
                "V1__create_invoices.sql", "CREATE TABLE billing.invoices (id bigint PRIMARY KEY);",
                "U1__create_invoices.sql", "DROP TABLE billing.invoices;");
        previousRoot = System.getProperty(ROOT);
        System.setProperty(ROOT, root.toString());
        admin = SharedServer.get().createDatabase("cli_admin");
    }

    @AfterEach
    void restore() {
        if (previousRoot == null) {
            System.clearProperty(ROOT);
        } else {
            System.setProperty(ROOT, previousRoot);
        }
        SharedServer.get().dropDatabase(admin);
    }

    @Test
    void should_print_the_migrated_schema_to_stdout() throws IOException {
        int code = run("snapshot", "--service", "shop");

        assertThat(code).as(err()).isZero();
        SchemaSnapshot snapshot = parse(out());
        assertThat(snapshot.schemas()).extracting(SchemaSnapshot.Namespace::name).containsExactly("shop");
        assertThat(snapshot.tables()).extracting(SchemaSnapshot.Table::name).containsExactly("products");
        assertThat(snapshot.table("products").orElseThrow().columnNames()).containsExactly("id", "name", "sku");
        assertThat(err()).contains("is up.");
    }

    @Test
    void should_stop_at_the_given_version() throws IOException {
        int code = run("snapshot", "--service", "shop", "--version", "1");

        assertThat(code).as(err()).isZero();
        assertThat(parse(out()).table("products").orElseThrow().columnNames()).containsExactly("id", "name");
    }

    @Test
    void should_write_the_services_expected_schema_and_say_which_file() throws IOException {
        Path expected = root.resolve("service-migrations/shop/expected-schema.json");

        int code = run("snapshot", "--service", "shop", "--write-expected");

        assertThat(code).as(err()).isZero();
        assertThat(out()).isEmpty();
        assertThat(err()).contains("Wrote " + expected + ". Review it and commit it with the migrations.");
        assertThat(SchemaFiles.read(expected).table("products")).isPresent();

        err.reset();
        assertThat(run("snapshot", "--service", "shop", "--write-expected")).isZero();
        assertThat(err()).contains("Unchanged: " + expected + " already holds this schema.");
    }

    @Test
    void should_write_every_services_expected_schema_with_all() {
        int code = run("snapshot", "--all", "--write-expected");

        assertThat(code).as(err()).isZero();
        assertThat(root.resolve("service-migrations/shop/expected-schema.json")).isRegularFile();
        assertThat(root.resolve("service-migrations/billing/expected-schema.json")).isRegularFile();
    }

    @Test
    void should_write_a_folders_snapshot_to_the_output_file() throws IOException {
        Path output = root.resolve("out/schema.json");
        Files.createDirectories(output.getParent());   // the snapshot command no longer creates missing folders

        int code = run("snapshot", "--migrations", root.resolve("service-migrations/billing").toString(),
                "--output", output.toString());

        assertThat(code).as(err()).isZero();
        assertThat(SchemaFiles.read(output).table("billing.invoices")).isPresent();
        assertThat(err()).contains("Wrote the schema of billing to " + output + ".");
    }

    @Test
    void should_refuse_write_expected_for_a_folder() {
        int code = run("snapshot", "--migrations", root.resolve("service-migrations/shop/migrations").toString(),
                "--write-expected");

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("error: --write-expected writes a service's committed expected-schema.json, but "
                + "--migrations DIR is not a service.");
    }

    @Test
    void should_refuse_one_output_file_for_several_services() {
        int code = run("snapshot", "--all", "--output", root.resolve("x.json").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("error: 2 migration sets are selected, but --output FILE holds one snapshot.\n"
                + "Select one with --service NAME, or write each service's expectation with --write-expected.");
    }

    @Test
    void should_refuse_a_snapshot_without_selection() {
        assertThat(run("snapshot")).isEqualTo(2);
        assertThat(err()).startsWith("error: Say what to snapshot: --all, --service NAME or --migrations DIR.");
    }

    @Test
    void should_refuse_an_empty_migrations_folder_naming_it_unless_allow_empty() throws IOException {
        Path empty = Files.createDirectories(root.resolve("typo/migrations"));

        int code = run("snapshot", "--migrations", empty.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("error: No migrations in " + empty + ": expected files like V1__create_x.sql (or"
                + " R__<description>.sql), found none.\nCheck the path; if the set is empty on purpose, pass"
                + " --allow-empty.").doesNotContain("Starting");

        err.reset();
        assertThat(run("snapshot", "--migrations", empty.toString(), "--allow-empty")).as(err()).isZero();
        assertThat(parse(out()).tables()).isEmpty();
    }

    @Test
    void should_refuse_a_service_without_migrations_and_list_the_files_that_are_not_migrations() throws IOException {
        service("typo", "schemas: [typo]\n", "notes.txt", "later", "v1__lower_case.sql", "SELECT 1;");
        Path migrations = root.resolve("service-migrations/typo/migrations");

        int code = run("snapshot", "--all", "--write-expected");

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("error: No migrations in " + migrations + ": expected files like"
                + " V1__create_x.sql (or R__<description>.sql), found only files that are not migrations: notes.txt,"
                + " v1__lower_case.sql.\nCheck the path; if the set is empty on purpose, pass --allow-empty.");
        assertThat(root.resolve("service-migrations/shop/expected-schema.json")).doesNotExist();
    }

    @Test
    void should_print_its_help() {
        assertThat(run("snapshot", "--help")).isZero();
        assertThat(out()).startsWith("Usage: java -jar migration-harness.jar snapshot").contains("--write-expected")
                .contains("--allow-empty            accept a selected folder without any migration");
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--help") && all.size() > 1) {
            all.addAll(List.of("--postgres", "external", "--jdbc-url", admin.jdbcUrl(), "--user", admin.user()));
        }
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return Main.run(all.toArray(String[]::new), o, e);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private SchemaSnapshot parse(String json) throws IOException {
        Path file = root.resolve("stdout.json");
        Files.writeString(file, json);
        return SchemaFiles.read(file);
    }

    private void service(String name, String config, String... files) throws IOException {
        Path folder = root.resolve("service-migrations").resolve(name);
        Files.createDirectories(folder.resolve("migrations"));
        Files.writeString(folder.resolve("harness.yaml"), config);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(folder.resolve("migrations").resolve(files[i]), files[i + 1]);
        }
    }
}
