package org.migrationharness.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.migrationharness.apply.Migrator;
import org.migrationharness.check.Verifier;
import org.migrationharness.check.VerifyOptions;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.Repository;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/** The platform's own seeds (seeds/ at the repository root), for every service under service-migrations/. */
@DisplayName("The seeds of the 13 platform services")
class SeedDataTests {

    static Stream<String> services() {
        return Repository.locate().services().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void should_load_every_environment_twice_with_no_change(String service) {
        Repository repository = Repository.locate();
        MigrationSet set = repository.read(service);
        Path seeds = repository.seeds(service).orElseThrow(() -> new AssertionError("no seeds/" + service + "/"));
        SeedFolder folder = new SeedFolder(seeds);
        assertThat(folder.environments()).as("environments of " + service).contains("development");
        List<String> schemas = set.config().schemas();

        PostgresServer server = SharedServer.get();
        Database template = server.createDatabase(service + "_seeds");
        try {
            new Migrator(set, template).migrateAll();
            for (String environment : folder.environments()) {
                Database database = server.cloneDatabase(template, service + "_" + environment);
                try {
                    SeedResult first = SeedLoader.load(database, set, seeds, environment);
                    DataSnapshot loaded = DataSnapshot.of(database, schemas);
                    SeedResult second = SeedLoader.load(database, set, seeds, environment);

                    assertThat(first.inserted()).as(service + " " + environment + " inserts rows").isPositive();
                    assertThat(second.inserted()).as(service + " " + environment + " second load inserts").isZero();
                    assertThat(loaded.changesTo(DataSnapshot.of(database, schemas)))
                            .as(service + " " + environment + " second load changes").isEmpty();
                } finally {
                    server.dropDatabase(database);
                }
            }
        } finally {
            server.dropDatabase(template);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void should_pass_seed_load_and_idempotency_seed_in_verify(String service) {
        Repository repository = Repository.locate();
        ServiceReport report = new Verifier(SharedServer.get()).verify(repository.read(service),
                new VerifyOptions(null, false, repository.seeds(service).orElseThrow(), List.of()));

        assertThat(report.findings()).filteredOn(f -> f.check().startsWith("seed") || f.check().startsWith("idempotency.seed"))
                .isEmpty();
        assertThat(report.checks()).filteredOn(c -> c.check().equals("seed.load") || c.check().equals("idempotency.seed"))
                .extracting(CheckResult::status).containsOnly(CheckResult.Status.PASSED).hasSize(2);
    }

    @Test
    void should_give_production_the_reference_data_it_needs() {
        Repository repository = Repository.locate();
        for (String service : List.of("auth", "notification", "shipping", "inventory", "pricing", "search", "catalog")) {
            assertThat(new SeedFolder(repository.seeds(service).orElseThrow()).files("production"))
                    .as(service + " production seeds").isNotEmpty();
        }
        MigrationSet auth = repository.read("auth");
        Database database = SharedServer.get().createDatabase("auth_production");
        try {
            new Migrator(auth, database).migrateAll();
            SeedLoader.load(database, auth, repository.seeds("auth").orElseThrow(), "production");
            assertThat(Sql.column(database, "SELECT r.name || ':' || count(*) FROM auth_service.roles r"
                    + " JOIN auth_service.role_permissions rp ON rp.role_id = r.id GROUP BY r.name ORDER BY r.name"))
                    .containsExactly("admin:9", "catalog_admin:2", "order_manager:2", "review_moderator:1", "support_agent:3");
            assertThat(Sql.column(database, "SELECT count(*) FROM auth_service.users")).containsExactly("0");
        } finally {
            SharedServer.get().dropDatabase(database);
        }
    }
}
