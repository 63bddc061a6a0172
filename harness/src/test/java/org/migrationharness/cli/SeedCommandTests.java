package org.migrationharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        SeedCommand command = new SeedCommand(o, new PrintStream(err, true, StandardCharsets.UTF_8), new Properties(),
                Map.of("PGPASSWORD", password));
        try {
            return Main.execute(Main.commandLine(command), o, args);
        } catch (org.migrationharness.HarnessException e) {
            err.writeBytes(("error: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            return e.code().exitCode();
        }
    }

    /**
     * Runs the command with exactly these system properties and environment variables (PGPASSWORD added when the
     * database has a password), so that a HARNESS_PRODUCTION_PATTERN of the machine running the tests cannot leak in.
     */
    private int withSettings(Properties properties, Map<String, String> environment, String... args) {
        Map<String, String> env = new HashMap<>(environment);
        if (database.password() != null) {
            env.putIfAbsent("PGPASSWORD", database.password());
        }
        out.reset();
        err.reset();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        SeedCommand command = new SeedCommand(o, new PrintStream(err, true, StandardCharsets.UTF_8), properties, env);
        try {
            return Main.execute(Main.commandLine(command), o, args);
        } catch (org.migrationharness.HarnessException e) {
            err.writeBytes(("error: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            return e.code().exitCode();
        }
    }

    /** The arguments of {@link #seed} without the leading command name, for {@link #withSettings}. */
    private String[] seedArgs(String env, String... more) {
        return seedArgs(database, env, more);
    }

    /** The arguments that seed the given database, without the leading command name. */
    private static String[] seedArgs(Database target, String env, String... more) {
        List<String> args = new ArrayList<>(List.of("--service", "catalog", "--env", env,
                "--jdbc-url", target.jdbcUrl(), "--user", target.user()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
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
        assertThat(err()).contains("Migrating " + database.name() + " (catalog): applying 20240101120000, 20240102120000,"
                        + " 20240103120000, 20240104120000, 20240105120000, 20240106120000, 20240107120000, 20240108120000 ...")
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
                + "\"catalog_service\".\"_prisma_migrations\") of catalog, but the seeds are written for its latest "
                + "migration, 20240108120000 (pending: 20240101120000, 20240102120000, 20240103120000, 20240104120000, "
                + "20240105120000, 20240106120000, 20240107120000, 20240108120000).\nMigrate it first, or let seed do it:\n"
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

    @Test
    void should_refuse_a_database_whose_name_matches_the_production_pattern() {
        Database production = SharedServer.get().createDatabase("catalog_production");
        try {
            assertThat(withSettings(new Properties(), Map.of(), seedArgs(production, "development", "--migrate"))).isEqualTo(2);
            assertThat(err()).isEqualTo("error: Refusing to seed database " + production.name() + ": its name matches "
                    + "the production pattern 'prod' (the default; set by --production-pattern / "
                    + "harness.production-pattern / HARNESS_PRODUCTION_PATTERN).\n"
                    + "Refused by the database name rule: a database whose name matches the pattern is seeded only with "
                    + "--allow-production.\nAdd --allow-production if this database is meant to be seeded, or set a "
                    + "narrower pattern if its name only looks like production, e.g. "
                    + "--production-pattern '(^|_)prod(uction)?(_|$)'.\n");
            assertThat(out()).isEmpty();
            assertThat(Sql.column(production, "SELECT count(*) FROM pg_namespace WHERE nspname = 'catalog_service'"))
                    .as("nothing migrated or seeded").containsExactly("0");
        } finally {
            SharedServer.get().dropDatabase(production);
        }
    }

    @Test
    void should_seed_a_database_whose_name_matches_the_production_pattern_with_allow_production() {
        Database production = SharedServer.get().createDatabase("prod_catalog");
        try {
            assertThat(withSettings(new Properties(), Map.of(), seedArgs(production, "development",
                    "--migrate", "--allow-production"))).as(err()).isZero();
            assertThat(out()).startsWith("Seeded catalog (development) into " + production.name() + ": ");
        } finally {
            SharedServer.get().dropDatabase(production);
        }
    }

    @Test
    void should_refuse_a_production_database_name_case_insensitively_before_connecting() {
        // nothing listens on port 1: a connection attempt would exit 3 with "Cannot reach database"
        assertThat(withSettings(new Properties(), Map.of(), "--service", "catalog", "--env", "development",
                "--jdbc-url", "jdbc:postgresql://localhost:1/Catalog_PRODUCTION", "--user", "dev")).isEqualTo(2);
        assertThat(err()).startsWith("error: Refusing to seed database Catalog_PRODUCTION: its name matches the "
                + "production pattern 'prod' (the default; ").doesNotContain("Cannot reach");

        // no database in the URL: PostgreSQL connects to the one named like the user
        assertThat(withSettings(new Properties(), Map.of(), "--service", "catalog", "--env", "development",
                "--jdbc-url", "jdbc:postgresql://localhost:1/", "--user", "prod_admin")).isEqualTo(2);
        assertThat(err()).startsWith("error: Refusing to seed database prod_admin: its name matches");
    }

    @Test
    void should_take_the_production_pattern_from_the_option_then_the_system_property_then_the_environment() {
        // the test database is named mh_seed_cli_<random>
        assertThat(withSettings(new Properties(), Map.of("HARNESS_PRODUCTION_PATTERN", "seed_cli"),
                seedArgs("development"))).isEqualTo(2);
        assertThat(err()).startsWith("error: Refusing to seed database " + database.name() + ": its name matches the "
                + "production pattern 'seed_cli' (from environment variable HARNESS_PRODUCTION_PATTERN).\n");

        assertThat(withSettings(properties("harness.production-pattern", "SEED_CLI"),
                Map.of("HARNESS_PRODUCTION_PATTERN", "^live_"), seedArgs("development"))).isEqualTo(2);
        assertThat(err()).startsWith("error: Refusing to seed database " + database.name() + ": its name matches the "
                + "production pattern 'SEED_CLI' (from system property harness.production-pattern).\n");

        assertThat(withSettings(properties("harness.production-pattern", "seed_cli"),
                Map.of("HARNESS_PRODUCTION_PATTERN", "seed_cli"),
                seedArgs("development", "--migrate", "--production-pattern", "^live_"))).as(err()).isZero();
        assertThat(out()).startsWith("Seeded catalog (development) into " + database.name() + ": ");
    }

    @Test
    void should_exit_2_naming_where_an_invalid_production_pattern_came_from() {
        assertThat(withSettings(new Properties(), Map.of(), seedArgs("development", "--production-pattern", "[prod")))
                .isEqualTo(2);
        assertThat(err()).isEqualTo("error: The production pattern '[prod' from --production-pattern is not a valid "
                + "Java regular expression: Unclosed character class near index 4.\n"
                + "Fix --production-pattern: expected a regex found in production database names, e.g. prod or "
                + "(^|_)prod(uction)?(_|$).\nSee: java -jar migration-harness.jar seed --help\n");

        // an invalid pattern is an error even where --allow-production makes it irrelevant: it is a mistake to fix
        assertThat(withSettings(new Properties(), Map.of("HARNESS_PRODUCTION_PATTERN", "(prod"),
                seedArgs("development", "--allow-production"))).isEqualTo(2);
        assertThat(err()).startsWith("error: The production pattern '(prod' from environment variable "
                + "HARNESS_PRODUCTION_PATTERN is not a valid Java regular expression: Unclosed group near index 5.\n");
        assertThat(Sql.column(database, "SELECT count(*) FROM pg_namespace WHERE nspname = 'catalog_service'"))
                .containsExactly("0");
    }

    @Test
    void should_name_the_rule_that_refused_the_production_environment_and_a_remote_host() {
        assertThat(main(seed("production"))).isEqualTo(2);
        assertThat(err()).isEqualTo("error: Refusing to load the production seeds without --allow-production.\n"
                + "Refused by the environment rule: --env production is loaded only with --allow-production, because "
                + "the seed command is meant for development databases.\n"
                + "Add --allow-production if you really mean to seed a production database.\n");

        assertThat(main("seed", "--service", "catalog", "--env", "development",
                "--jdbc-url", "jdbc:postgresql://db.example.com:5432/catalog")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: Refusing to seed a database on db.example.com without --allow-production: "
                + "only localhost, 127.0.0.1 and ::1 are seeded without it.\n"
                + "Refused by the host rule: a server other than this machine is seeded only with --allow-production.\n"
                + "Add --allow-production if this server is meant to be seeded.\n");
    }

    @Test
    void should_document_the_production_pattern_in_its_help() {
        assertThat(main("seed", "--help")).isZero();
        assertThat(out()).contains("  --production-pattern REGEX\n")
                .contains("is refused without --allow-production (default: prod; or\n"
                        + "                        harness.production-pattern / HARNESS_PRODUCTION_PATTERN)")
                .contains("databases whose name matches the production pattern");
    }
}
