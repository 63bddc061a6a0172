package org.migrationharness.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;

@DisplayName("SeedPolicy, without a database")
class SeedPolicyTests {

    private static final SeedPolicy DEVELOPMENT = SeedPolicy.developmentOnly();

    private static HarnessException refusal(SeedPolicy policy, String environment, String url, String user) {
        try {
            policy.check(environment, url, user);
        } catch (HarnessException e) {
            return e;
        }
        throw new AssertionError("expected a refusal of " + environment + " into " + url);
    }

    @Test
    void should_refuse_the_production_environment_without_allow_production_naming_the_rule() {
        HarnessException e = refusal(DEVELOPMENT, "production", "jdbc:postgresql://localhost:5432/catalog_dev", "dev");

        assertThat(e.code()).isEqualTo(ErrorCode.REFUSED);
        assertThat(e).hasMessage("Refusing to load the production seeds without --allow-production.\n"
                + "Refused by the environment rule: --env production is loaded only with --allow-production, because "
                + "the seed command is meant for development databases.\n"
                + "Add --allow-production if you really mean to seed a production database.");
    }

    @Test
    void should_allow_production_remote_hosts_and_production_names_with_allow_production() {
        SeedPolicy.Target target = SeedPolicy.allowingProduction().check("production",
                "jdbc:postgresql://db.example.com:5432/catalog_production", "dev");

        assertThat(target.database()).isEqualTo("catalog_production");
        assertThat(target.url().hosts()).containsExactly("db.example.com");
    }

    @Test
    void should_refuse_a_remote_host_naming_it_and_the_rule() {
        HarnessException e = refusal(DEVELOPMENT, "development", "jdbc:postgresql://db.example.com:5432/catalog", "dev");

        assertThat(e.code()).isEqualTo(ErrorCode.REFUSED);
        assertThat(e).hasMessage("Refusing to seed a database on db.example.com without --allow-production: "
                + "only localhost, 127.0.0.1 and ::1 are seeded without it.\n"
                + "Refused by the host rule: a server other than this machine is seeded only with --allow-production.\n"
                + "Add --allow-production if this server is meant to be seeded.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://localhost:5432/catalog_dev", "jdbc:postgresql://127.0.0.1/catalog_dev",
        "jdbc:postgresql://[::1]:5432/catalog_dev", "jdbc:postgresql://LOCALHOST/catalog_dev",
        "jdbc:postgresql:catalog_dev", "jdbc:postgresql://localhost:5432,127.0.0.1:5433/catalog_dev"})
    void should_seed_this_machine_by_any_of_its_names(String url) {
        assertThat(DEVELOPMENT.check("development", url, "dev").database()).isEqualTo("catalog_dev");
    }

    @Test
    void should_read_an_ipv6_host_and_refuse_it_when_it_is_not_this_machine() {
        HarnessException e = refusal(DEVELOPMENT, "development", "jdbc:postgresql://[2001:db8::7]:5432/catalog_dev", "dev");

        assertThat(e).hasMessageStartingWith("Refusing to seed a database on 2001:db8::7 without --allow-production");
    }

    @Test
    void should_refuse_a_multi_host_url_naming_every_host_that_is_not_this_machine() {
        HarnessException e = refusal(DEVELOPMENT, "development",
                "jdbc:postgresql://localhost:5432,10.0.0.7:5432,[2001:db8::7]:5433/catalog_dev", "dev");

        assertThat(e).hasMessageStartingWith("Refusing to seed a database on 10.0.0.7, 2001:db8::7 without "
                + "--allow-production");
    }

    @Test
    void should_refuse_a_database_whose_name_matches_the_production_pattern_case_insensitively() {
        HarnessException e = refusal(DEVELOPMENT, "development", "jdbc:postgresql://localhost/Catalog_PROD", "dev");

        assertThat(e.code()).isEqualTo(ErrorCode.REFUSED);
        assertThat(e).hasMessageStartingWith("Refusing to seed database Catalog_PROD: its name matches the production "
                + "pattern 'prod' (the default; set by --production-pattern / harness.production-pattern / "
                + "HARNESS_PRODUCTION_PATTERN).\nRefused by the database name rule:");
    }

    @Test
    void should_name_the_database_after_the_user_when_the_url_names_none_as_postgresql_does() {
        assertThat(DEVELOPMENT.check("development", "jdbc:postgresql://localhost:5432/", "dev").database())
                .isEqualTo("dev");
        assertThat(refusal(DEVELOPMENT, "development", "jdbc:postgresql://localhost:5432/", "prod_admin"))
                .hasMessageStartingWith("Refusing to seed database prod_admin: its name matches");
        assertThat(refusal(DEVELOPMENT, "development", "jdbc:postgresql://localhost/?user=produser", "dev"))
                .hasMessageStartingWith("Refusing to seed database produser: its name matches");
    }

    @Test
    void should_take_the_user_and_password_from_a_libpq_style_url() {
        SeedPolicy.Target target = DEVELOPMENT.check("development", "jdbc:postgresql://ci:s3cret@localhost/", "dev");

        assertThat(target.user()).isEqualTo("ci");
        assertThat(target.database()).isEqualTo("ci");
        assertThat(target.url().url()).isEqualTo("jdbc:postgresql://localhost/");
        assertThat(target.url().password()).isEqualTo("s3cret");
    }

    @Test
    void should_use_a_narrower_production_pattern_and_name_where_it_came_from() {
        SeedPolicy narrow = new SeedPolicy(false, ProductionPattern.compile("(^|_)prod(uction)?(_|$)",
                "environment variable HARNESS_PRODUCTION_PATTERN"));

        assertThat(narrow.check("development", "jdbc:postgresql://localhost/product_dev", "dev").database())
                .isEqualTo("product_dev");
        assertThat(refusal(narrow, "development", "jdbc:postgresql://localhost/catalog_prod", "dev"))
                .hasMessageContaining("matches the production pattern '(^|_)prod(uction)?(_|$)' (from environment "
                        + "variable HARNESS_PRODUCTION_PATTERN)");
    }

    @Test
    void should_refuse_an_invalid_production_pattern_naming_where_it_came_from() {
        assertThatThrownBy(() -> ProductionPattern.compile("(prod", "--production-pattern"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageStartingWith("The production pattern '(prod' from --production-pattern is not a valid Java "
                        + "regular expression: Unclosed group near index 5.\n");
    }

    @Test
    void should_refuse_a_url_that_is_not_postgresql_without_showing_its_password() {
        assertThatThrownBy(() -> DEVELOPMENT.check("development", "jdbc:mysql://root:pw-9876@localhost/app", "dev"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("--jdbc-url must be a PostgreSQL JDBC URL like jdbc:postgresql://localhost:5432/catalog_dev,"
                        + " but it is 'jdbc:mysql://root:****@localhost/app'.");
    }

    @Test
    void should_refuse_a_malformed_postgresql_url_as_a_usage_error() {
        assertThatThrownBy(() -> DEVELOPMENT.check("development", "jdbc:postgresql://localhost:port/app", "dev"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageStartingWith("Malformed JDBC URL 'jdbc:postgresql://localhost:port/app' (from --jdbc-url).");
    }

    @Test
    void should_refuse_in_the_library_before_reading_the_seeds_or_connecting(@TempDir Path dir) {
        Database remote = new Database("catalog", "jdbc:postgresql://db.example.com:5432/catalog", "dev", null);

        assertThatThrownBy(() -> SeedLoader.load(remote, null, dir.resolve("no-seeds"), "development",
                SeedOptions.defaults(), DEVELOPMENT))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REFUSED))
                .hasMessageStartingWith("Refusing to seed a database on db.example.com without --allow-production");
    }
}
