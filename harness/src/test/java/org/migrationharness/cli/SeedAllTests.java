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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.postgres.Database;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/** {@code seed --all}: every service of the repository migrated and seeded into one database, each in its own schema. */
@DisplayName("java -jar migration-harness.jar seed --all")
class SeedAllTests {

    private static final String ROOT = "harness.repository.root";

    Database database;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void createDatabase() {
        database = SharedServer.get().createDatabase("seed_all");
    }

    @AfterEach
    void dropDatabase() {
        SharedServer.get().dropDatabase(database);
    }

    private int seedAll(String... more) {
        List<String> args = new ArrayList<>(List.of("seed", "--all", "--env", "development",
                "--jdbc-url", database.jdbcUrl(), "--user", database.user()));
        args.addAll(List.of(more));
        out.reset();
        err.reset();
        return Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> schemas() {
        return Sql.column(database, "SELECT nspname FROM pg_namespace WHERE nspname LIKE '%\\_service' ORDER BY 1");
    }

    @Test
    void should_seed_every_service_into_one_database_and_insert_nothing_the_second_time() {
        assertThat(seedAll("--migrate")).as(err() + out()).isZero();

        assertThat(out()).startsWith("Seeded 13 of 13 services (development) into " + database.name() + ": ")
                .containsPattern("\nservice\\s+migrations\\s+inserted\\s+updated\\s+unchanged\n")
                .containsPattern("\ncatalog\\s+8\\s+[1-9]\\d*\\s+0\\s+0\n");
        assertThat(schemas()).contains("auth_service", "catalog_service", "customer_service", "inventory_service",
                "notification_service", "order_service", "pricing_service");
        assertThat(Sql.column(database, "SELECT name FROM catalog_service.products ORDER BY name"))
                .contains("Premium Wireless Headphones");
        // a service after those it depends on: the order of the table is the order they were seeded in
        List<String> order = out().lines().skip(2).map(l -> l.split("\\s+")[0]).toList();
        assertThat(order).hasSize(14).endsWith("total");

        assertThat(seedAll("--migrate")).as(err() + out()).isZero();
        assertThat(out()).containsPattern(": 0 inserted, 0 updated, [1-9]\\d* unchanged\\.\n")
                .containsPattern("\ntotal\\s+0\\s+0\\s+0\\s+[1-9]\\d*\n");
    }

    @Test
    void should_change_nothing_in_a_dry_run() {
        assertThat(seedAll("--migrate", "--dry-run")).isEqualTo(2);
        assertThat(schemas()).as("a dry run migrates nothing").isEmpty();
        assertThat(err()).contains("error: catalog failed: Database " + database.name() + " needs migrations");

        assertThat(seedAll("--migrate")).as(err()).isZero();
        Sql.execute(database, "DELETE FROM catalog_service.blog_posts");
        assertThat(seedAll("--dry-run")).as(err()).isZero();
        assertThat(out()).startsWith("Dry run of 13 of 13 services (development) on " + database.name()
                + ": would insert 1, update 0, leave ").contains("Nothing was written.")
                .containsPattern("\ncatalog\\s+0\\s+1\\s+0\\s+\\d+\n");
        assertThat(Sql.column(database, "SELECT count(*) FROM catalog_service.blog_posts")).containsExactly("0");
    }

    @Test
    void should_refuse_a_server_that_is_not_local_before_connecting() {
        out.reset();
        err.reset();
        int code = Main.run(new String[] {"seed", "--all", "--env", "development", "--jdbc-url",
            "jdbc:postgresql://db.example.com:5432/platform"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("error: Refusing to seed a database on db.example.com without --allow-production");
    }

    @Test
    void should_keep_the_other_services_seeded_and_exit_1_naming_the_service_whose_seed_fails(@TempDir Path root)
            throws IOException {
        write(root, "service-migrations/zeta/harness.yaml", "format: golang-migrate\nschemas: [zeta_service]\n");
        write(root, "service-migrations/zeta/migrations/1_customers.up.sql",
                "CREATE TABLE zeta_service.customers (id bigint PRIMARY KEY, name text NOT NULL);");
        write(root, "service-migrations/zeta/migrations/1_customers.down.sql", "DROP TABLE zeta_service.customers;");
        write(root, "seeds/zeta/development/10_customers.yaml",
                "table: customers\nkey: [id]\nrows:\n  - {id: 1, name: Ada}\n");
        write(root, "service-migrations/alpha/harness.yaml", "schemas: [alpha_service]\ndepends-on: [zeta]\n");
        write(root, "service-migrations/alpha/migrations/V1__orders.sql", "CREATE TABLE alpha_service.orders"
                + " (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES zeta_service.customers (id),"
                + " total numeric CHECK (total >= 0));");
        write(root, "seeds/alpha/development/10_orders.yaml",
                "table: orders\nkey: [id]\nrows:\n  - {id: 1, customer_id: 1, total: 10}\n");
        // broken: the second file breaks a check constraint, so the first file's row is not kept either
        write(root, "service-migrations/beta/harness.yaml", "schemas: [beta_service]\n");
        write(root, "service-migrations/beta/migrations/V1__carts.sql",
                "CREATE TABLE beta_service.carts (id bigint PRIMARY KEY, items int CHECK (items >= 0));");
        write(root, "seeds/beta/development/10_carts.yaml", "table: carts\nkey: [id]\nrows:\n  - {id: 1, items: 1}\n");
        write(root, "seeds/beta/development/20_carts.yaml", "table: carts\nkey: [id]\nrows:\n  - {id: 2, items: -1}\n");
        String previous = System.getProperty(ROOT);
        System.setProperty(ROOT, root.toString());
        try {
            assertThat(seedAll("--migrate")).as(err()).isEqualTo(1);
        } finally {
            if (previous == null) {
                System.clearProperty(ROOT);
            } else {
                System.setProperty(ROOT, previous);
            }
        }

        assertThat(err()).contains("error: beta failed after migrating; none of its seed rows were kept: ")
                .contains("20_carts.yaml row 1 (id=2, line 4)").contains("carts_items_check");
        assertThat(out()).startsWith("Seeded 2 of 3 services (development) into " + database.name()
                        + ": 2 inserted, 0 updated, 0 unchanged; failed: beta.\n")
                .containsPattern("\nbeta\\s+1\\s+FAILED\n");
        assertThat(out().lines().skip(2).map(l -> l.split("\\s+")[0]).toList())
                .as("zeta before alpha, which depends on it").containsExactly("zeta", "alpha", "beta", "total");
        assertThat(Sql.column(database, "SELECT c.name || ':' || o.total FROM alpha_service.orders o"
                + " JOIN zeta_service.customers c ON c.id = o.customer_id")).containsExactly("Ada:10");
        assertThat(Sql.column(database, "SELECT count(*) FROM beta_service.carts")).containsExactly("0");
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
