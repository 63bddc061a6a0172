package org.migrationharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.postgres.Database;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

@DisplayName("java -jar migration-harness.jar seed")
class SeedCommandTests {

    static final String SECRET = "s3cr3t-Pa55";

    Database database;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void createDatabase() {
        database = SharedServer.get().createDatabase("seed_cli");
    }

    @AfterEach
    void dropDatabase() {
        SharedServer.get().dropDatabase(database);
    }

    /** Runs through Main, as the jar does. */
    private int main(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Runs the command with PGPASSWORD set in its environment. */
    private int withPassword(String password, String... args) {
        out.reset();
        err.reset();
        SeedCommand command = new SeedCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new Properties(), Map.of("PGPASSWORD", password));
        try {
            return command.run(Arrays.asList(args));
        } catch (org.migrationharness.HarnessException e) {
            err.writeBytes(("error: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            return e.code().exitCode();
        }
    }

    private String[] seed(String env, String... more) {
        List<String> args = new ArrayList<>(List.of("seed", "--service", "catalog", "--env", env,
                "--jdbc-url", database.jdbcUrl(), "--user", database.user()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_migrate_and_seed_a_development_database_then_change_nothing_the_second_time() {
        assertThat(main(seed("development", "--migrate"))).as(err()).isZero();
        assertThat(err()).contains("Migrating " + database.name() + " (catalog): applying 1, 2, 3, 4, 5, 6, 7, 8 ...")
                .contains("  development/10_brands.yaml: catalog_service.brands 2 inserted, 0 updated, 0 unchanged");
        assertThat(out()).startsWith("Seeded catalog (development) into " + database.name() + ": ")
                .containsPattern("catalog_service\\.brands\\s+2\\s+0\\s+0\n")
                .containsPattern("catalog_service\\.products\\s+2\\s+0\\s+0\n");
        assertThat(Sql.column(database, "SELECT p.name || ' / ' || c.path FROM catalog_service.products p"
                + " JOIN catalog_service.categories c ON c.id = p.category_id ORDER BY p.name"))
                .containsExactly("Premium Wireless Headphones / electronics/audio/headphones",
                        "True Wireless Earbuds / electronics/audio/headphones");

        assertThat(main(seed("development"))).as(err()).isZero();
        assertThat(out()).containsPattern("catalog_service\\.brands\\s+0\\s+0\\s+2\n")
                .containsPattern("\ntotal\\s+0\\s+0\\s+\\d+\n");
    }

    @Test
    void should_say_what_it_would_do_in_a_dry_run_and_touch_nothing() {
        main(seed("development", "--migrate", "--dry-run"));
        assertThat(err()).contains("a dry run changes nothing");

        assertThat(main("seed", "--service", "catalog", "--env", "development", "--jdbc-url", database.jdbcUrl(),
                "--user", database.user(), "--migrate")).isZero();
        Sql.execute(database, "DELETE FROM catalog_service.blog_posts");

        assertThat(main(seed("development", "--dry-run"))).as(err()).isZero();
        assertThat(out()).startsWith("Dry run of catalog (development) on " + database.name() + ": would insert 1, update 0,")
                .contains("Nothing was written.\n")
                .containsPattern("catalog_service\\.blog_posts\\s+1\\s+0\\s+0\n");
        assertThat(Sql.column(database, "SELECT count(*) FROM catalog_service.blog_posts")).containsExactly("0");
    }

    @Test
    void should_refuse_the_production_environment_without_allow_production() {
        assertThat(main(seed("production"))).isEqualTo(2);
        assertThat(err()).startsWith("error: Refusing to load the production seeds without --allow-production.");
        assertThat(Sql.column(database, "SELECT count(*) FROM pg_namespace WHERE nspname = 'catalog_service'"))
                .containsExactly("0");
    }

    @Test
    void should_refuse_a_server_that_is_not_local_without_allow_production() {
        assertThat(main("seed", "--service", "catalog", "--env", "development",
                "--jdbc-url", "jdbc:postgresql://db.prod.example.com:5432/catalog")).isEqualTo(2);
        assertThat(err()).startsWith("error: Refusing to seed a database on db.prod.example.com without "
                + "--allow-production: only localhost, 127.0.0.1 and ::1 are seeded without it.");

        assertThat(main("seed", "--service", "catalog", "--env", "development",
                "--jdbc-url", "jdbc:postgresql://localhost:5432,10.0.0.7:5432/catalog")).isEqualTo(2);
        assertThat(err()).contains("Refusing to seed a database on 10.0.0.7 without --allow-production");
    }

    @Test
    void should_refuse_a_database_whose_version_is_not_the_latest_and_name_the_command_that_migrates_it() {
        assertThat(main(seed("development"))).isEqualTo(2);
        assertThat(err()).isEqualTo("error: Database " + database.name() + " has no migration applied (no "
                + "\"catalog_service\".\"flyway_schema_history\") of catalog, but the seeds are written for its latest "
                + "migration, 8 (pending: 1, 2, 3, 4, 5, 6, 7, 8).\nMigrate it first, or let seed do it:\n"
                + "  java -jar migration-harness.jar seed --service catalog --env development --jdbc-url "
                + database.jdbcUrl() + " --migrate\n");
        assertThat(Sql.column(database, "SELECT count(*) FROM pg_namespace WHERE nspname = 'catalog_service'"))
                .containsExactly("0");
    }

    @Test
    void should_exit_1_naming_the_file_and_row_when_a_seed_fails_and_keep_nothing(@TempDir Path seeds) {
        MigrationFolder.in(seeds).file("development/10_brands.yaml", """
                table: brands
                key: [slug]
                defaults: {id: {sql: "gen_random_uuid()::text"}, updated_at: {sql: now()}}
                rows:
                  - {slug: audiotech, name: AudioTech}
                """).file("development/20_reviews.yaml", """
                table: product_reviews
                key: [customer_id]
                defaults: {id: {sql: "gen_random_uuid()::text"}, updated_at: {sql: now()}}
                rows:
                  - {customer_id: c1, product_id: p1, rating: 9}
                """);

        assertThat(main(seed("development", "--migrate", "--seeds", seeds.toString()))).isEqualTo(1);
        assertThat(err()).contains("20_reviews.yaml row 1 (customer_id=c1, line 5): could not insert into "
                + "catalog_service.product_reviews: ERROR: new row for relation \"product_reviews\" violates "
                + "check constraint \"chk_product_reviews_rating\"");
        assertThat(Sql.column(database, "SELECT count(*) FROM catalog_service.brands")).containsExactly("0");
    }

    @Test
    void should_exit_2_for_a_bad_fixture(@TempDir Path seeds) {
        MigrationFolder.in(seeds).file("development/brands.yaml", "table: brands\nkey: [slug]\nrows:\n  - {slug: a, colour: red}\n");

        assertThat(main(seed("development", "--migrate", "--seeds", seeds.toString()))).isEqualTo(2);
        assertThat(err()).contains("brands.yaml row 1 (slug=a, line 4): unknown column 'colour' in catalog_service.brands.");
    }

    @Test
    void should_never_print_the_password() {
        String url = database.jdbcUrl() + "?password=" + SECRET + "&ApplicationName=seed";
        assertThat(withPassword(SECRET, "--service", "catalog", "--env", "development", "--jdbc-url", url,
                "--user", database.user(), "--migrate")).as(err()).isZero();
        assertThat(out() + err()).doesNotContain(SECRET).contains("Seeded catalog");

        assertThat(withPassword(SECRET, "--service", "catalog", "--env", "development",
                "--jdbc-url", "jdbc:postgresql://localhost:1/nowhere?password=" + SECRET, "--user", "nobody")).isEqualTo(3);
        assertThat(out() + err()).doesNotContain(SECRET).contains("password=****");

        assertThat(withPassword(SECRET, "--service", "catalog", "--env", "development", "--jdbc-url", url,
                "--user", database.user(), "--seeds", "/no/such/folder")).isEqualTo(2);
        assertThat(out() + err()).doesNotContain(SECRET);
    }

    @Test
    void should_explain_missing_options_and_list_seed_in_the_usage() {
        assertThat(main("seed", "--env", "development")).isEqualTo(2);
        assertThat(err()).startsWith("error: Missing --service: the service to seed, e.g. --service catalog.");
        assertThat(main("--help")).isZero();
        assertThat(out()).contains("  seed     load a service's seeds");
        assertThat(main("seed", "--help")).isZero();
        assertThat(out()).contains("--allow-production");
    }
}
