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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.postgres.Database;
import org.migrationharness.testing.SharedServer;

/**
 * {@code depends-on:}: a service is verified on databases where the services it depends on are migrated first (in
 * their own formats), {@code verify --all} orders services by dependency, and an unknown service or a cycle is an
 * input error naming the file and line.
 */
class ServiceDependenciesTests {

    private static final String ROOT = "harness.repository.root";

    @TempDir
    Path root;

    private String previousRoot;
    private Database admin;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void repository() throws IOException {
        // "alpha" sorts first but needs "zeta" (another team, another format) migrated: its orders reference customers
        service("zeta", "format: golang-migrate\nschemas: [zeta_service]\n",
                "1_customers.up.sql", "CREATE TABLE zeta_service.customers (id bigint PRIMARY KEY);",
                "1_customers.down.sql", "DROP TABLE zeta_service.customers;");
        service("alpha", "schemas: [alpha_service]\ndepends-on: [zeta]\n",
                "V1__create_orders.sql", "CREATE TABLE alpha_service.orders (id bigint PRIMARY KEY,"
                        + " customer_id bigint NOT NULL REFERENCES zeta_service.customers (id));",
                "U1__create_orders.sql", "DROP TABLE alpha_service.orders;",
                "V2__add_total.sql", "ALTER TABLE alpha_service.orders ADD COLUMN total numeric(12, 2);",
                "U2__add_total.sql", "ALTER TABLE alpha_service.orders DROP COLUMN total;");
        previousRoot = System.getProperty(ROOT);
        System.setProperty(ROOT, root.toString());
        admin = SharedServer.get().createDatabase("deps_admin");
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
    void should_verify_a_service_on_databases_where_its_dependencies_are_migrated_and_order_all_by_dependency()
            throws IOException {
        assertThat(run("snapshot", "--all", "--write-expected")).as(err()).isZero();
        Path json = root.resolve("report.json");

        int code = run("verify", "--all", "--report-json", json.toString());

        assertThat(code).as(err() + out()).isZero();
        JsonNode services = new ObjectMapper().readTree(json.toFile()).get("services");
        assertThat(services).extracting(s -> s.get("service").asText() + ":" + s.get("status").asText())
                .containsExactly("zeta:passed", "alpha:passed");
        assertThat(err()).contains("== alpha (flyway, 2 migrations)");
        // alpha's expectation holds only its own schema; naming.object did not judge zeta's objects as alpha's
        assertThat(Files.readString(root.resolve("service-migrations/alpha/expected-schema.json")))
                .contains("\"name\": \"alpha_service\"").doesNotContain("\"name\": \"zeta_service\"");
    }

    @Test
    void should_exit_2_naming_file_and_line_of_a_dependency_on_an_unknown_service() throws IOException {
        Files.writeString(root.resolve("service-migrations/alpha/harness.yaml"), "schemas: [alpha_service]\ndepends-on: [zetta]\n");

        int code = run("verify", "--all");

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("error: Service alpha depends on 'zetta' (depends-on in"
                + " service-migrations/alpha/harness.yaml line 2), which is no service here.\n"
                + "Services: [alpha, zeta]. Fix the name, or add the service.").doesNotContain("Starting");
    }

    @Test
    void should_exit_2_naming_every_file_of_a_dependency_cycle() throws IOException {
        Files.writeString(root.resolve("service-migrations/zeta/harness.yaml"),
                "format: golang-migrate\nschemas: [zeta_service]\ndepends-on: [alpha]\n");

        int code = run("verify", "--service", "zeta");

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("error: Services depend on each other in a cycle: zeta -> alpha -> zeta"
                + " (depends-on in service-migrations/zeta/harness.yaml line 3, service-migrations/alpha/harness.yaml"
                + " line 2).\nNo order can migrate them: remove one of these dependencies.");
    }

    @Test
    void should_migrate_the_services_a_seeded_service_depends_on_first_and_refuse_without_migrate() throws IOException {
        service("beta", "schemas: [beta_service]\ndepends-on: [zeta]\n",
                "V1__create_carts.sql", "CREATE TABLE beta_service.carts (id bigint PRIMARY KEY,"
                        + " customer_id bigint REFERENCES zeta_service.customers (id));",
                "U1__create_carts.sql", "DROP TABLE beta_service.carts;");
        Path seeds = root.resolve("seeds/beta/development");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("10_carts.yaml"), "table: carts\nkey: [id]\nrows:\n  - {id: 1}\n");
        Database target = SharedServer.get().createDatabase("deps_seed");
        try {
            List<String> seed = new ArrayList<>(List.of("seed", "--service", "beta", "--env", "development",
                    "--jdbc-url", target.jdbcUrl(), "--user", target.user()));

            assertThat(main(seed)).isEqualTo(2);
            assertThat(err()).contains(" has no migration applied (no \"zeta_service\".\"schema_migrations\") of zeta"
                    + " (beta depends on it: depends-on in service-migrations/beta/harness.yaml), but the seeds");

            seed.add("--migrate");
            assertThat(main(seed)).as(err()).isZero();
            assertThat(err()).contains("Migrating " + target.name() + " (zeta (beta depends on it: depends-on in"
                            + " service-migrations/beta/harness.yaml)): applying 1 ...")
                    .contains("Migrating " + target.name() + " (beta): applying 1 ...");
            assertThat(org.migrationharness.testing.Sql.column(target, "SELECT count(*) FROM zeta_service.customers"
                    + " UNION ALL SELECT count(*) FROM beta_service.carts")).containsExactly("0", "1");
        } finally {
            SharedServer.get().dropDatabase(target);
        }
    }

    private int main(List<String> args) {
        out.reset();
        err.reset();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return Main.run(args.toArray(String[]::new), o, e);
        }
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--postgres", "external", "--jdbc-url", admin.jdbcUrl(), "--user", admin.user()));
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

    private void service(String name, String config, String... files) throws IOException {
        Path folder = root.resolve("service-migrations").resolve(name);
        Files.createDirectories(folder.resolve("migrations"));
        Files.writeString(folder.resolve("harness.yaml"), config);
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(folder.resolve("migrations").resolve(files[i]), files[i + 1]);
        }
    }
}
