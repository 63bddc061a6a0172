package org.migrationharness.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Settings;

class PostgresSettingsTests {

    private static Settings settings(Map<String, String> options, Map<String, String> properties, Map<String, String> env) {
        Properties props = new Properties();
        props.putAll(properties);
        return new Settings(options::get, props, env);
    }

    @Test
    void should_prefer_the_option_over_the_system_property_over_the_environment() {
        Map<String, String> env = Map.of("HARNESS_POSTGRES", "testcontainers", "HARNESS_POSTGRES_VERSION", "15");
        Map<String, String> props = Map.of("harness.postgres", "external", "harness.jdbc.url", "jdbc:postgresql://h/db");
        assertThat(PostgresSettings.resolve(settings(Map.of("--postgres", "embedded"), props, env)).backend())
                .isEqualTo(PostgresBackend.EMBEDDED);
        assertThat(PostgresSettings.resolve(settings(Map.of(), props, env)).backend()).isEqualTo(PostgresBackend.EXTERNAL);
        PostgresSettings fromEnv = PostgresSettings.resolve(settings(Map.of(), Map.of(), env));
        assertThat(fromEnv.backend()).isEqualTo(PostgresBackend.TESTCONTAINERS);
        assertThat(fromEnv.majorVersion()).isEqualTo(15);
        assertThat(fromEnv.effectiveImage()).isEqualTo("postgres:15.14");
    }

    @Test
    void should_default_to_auto_and_postgres_17() {
        PostgresSettings settings = PostgresSettings.resolve(settings(Map.of(), Map.of(), Map.of()));
        assertThat(settings.backend()).isEqualTo(PostgresBackend.AUTO);
        assertThat(settings.majorVersion()).isEqualTo(17);
        assertThat(settings.effectiveImage()).isEqualTo("postgres:17.6");
    }

    @Test
    void should_name_the_source_of_a_bad_value() {
        assertThatThrownBy(() -> PostgresSettings.resolve(settings(Map.of(), Map.of(), Map.of("HARNESS_POSTGRES", "docker"))))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("Unknown PostgreSQL backend 'docker' (from environment variable HARNESS_POSTGRES).\n"
                        + "Expected one of: auto, testcontainers, embedded, external.");
        assertThatThrownBy(() -> PostgresSettings.resolve(settings(Map.of("--postgres-version", "12"), Map.of(), Map.of())))
                .hasMessage("Unsupported PostgreSQL major version '12' (from --postgres-version).\nExpected one of: [15, 16, 17].");
    }

    @Test
    void should_require_a_url_for_the_external_backend() {
        assertThatThrownBy(() -> PostgresSettings.resolve(settings(Map.of("--postgres", "external"), Map.of(), Map.of())))
                .hasMessageStartingWith("The external PostgreSQL backend needs a server to connect to.");
    }

    @Test
    void should_never_print_the_password() {
        PostgresSettings settings = PostgresSettings.external("jdbc:postgresql://h/db", "app", "s3cret");
        assertThat(settings.toString()).doesNotContain("s3cret").contains("password=****");
        assertThat(new Database("d", "jdbc:postgresql://h/d", "app", "s3cret").toString()).doesNotContain("s3cret");
    }
}
