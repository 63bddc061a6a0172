package org.migrationharness.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Settings;

class TimeoutsTests {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"500ms, 500", "5s, 5000", "2min, 120000", "1h, 3600000", "1d, 86400000", "250, 250", "0, 0",
            "' 10 s ', 10000", "3000us, 3", "5S, 5000"})
    void should_read_durations_as_postgresql_writes_them(String text, long millis) {
        assertThat(Timeouts.parse(text, "test").toMillis()).isEqualTo(millis);
    }

    @Test
    void should_refuse_a_duration_postgresql_would_not_read_naming_its_source() {
        assertThatThrownBy(() -> Timeouts.parse("5 minutes", "--statement-timeout"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT))
                .hasMessage("'5 minutes' (from --statement-timeout) is not a duration.\n"
                        + "Write it as PostgreSQL does: 500ms, 5s, 2min, 1h (a plain number is milliseconds; 0 = no limit).");
        assertThatThrownBy(() -> Timeouts.parse("30d", "harness.yaml key lock-timeout"))
                .hasMessageStartingWith("'30d' (from harness.yaml key lock-timeout) is longer than PostgreSQL allows");
    }

    @Test
    void should_format_in_the_largest_unit_that_divides() {
        assertThat(Timeouts.format(Duration.ofMinutes(5))).isEqualTo("5min");
        assertThat(Timeouts.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Timeouts.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Timeouts.format(Duration.ZERO)).isEqualTo("0");
    }

    @Test
    void should_take_the_option_then_the_system_property_then_the_environment_over_harness_yaml_then_the_defaults() {
        Properties properties = new Properties();
        properties.setProperty("harness.lock-timeout", "7s");
        Map<String, String> environment = Map.of("HARNESS_LOCK_TIMEOUT", "9s", "HARNESS_STATEMENT_TIMEOUT", "11s");
        Settings settings = new Settings(key -> key.equals("--statement-timeout") ? "3s" : null, properties, environment);

        Timeouts run = Timeouts.resolve(settings);
        assertThat(run).isEqualTo(new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(7)));

        Timeouts file = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(run.over(file)).isEqualTo(run);
        assertThat(Timeouts.UNSET.over(file).effective()).isEqualTo(file);
        assertThat(Timeouts.UNSET.effective()).isEqualTo(Timeouts.DEFAULTS);
        assertThat(Timeouts.DEFAULTS).isEqualTo(new Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(1)));
    }

    @Test
    void should_read_the_timeouts_of_harness_yaml(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("harness.yaml");
        java.nio.file.Files.writeString(file, "statement-timeout: 2min\nlock-timeout: 0\n");

        ServiceConfig config = ServiceConfig.read(file);

        assertThat(config.timeouts()).isEqualTo(new Timeouts(Duration.ofMinutes(2), Duration.ZERO));
        assertThat(config.timeouts().setStatements()).isEqualTo("SET statement_timeout = 120000; SET lock_timeout = 0");
    }
}
