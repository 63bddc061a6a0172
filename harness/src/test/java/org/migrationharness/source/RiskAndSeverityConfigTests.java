package org.migrationharness.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.testing.MigrationFolder;

@DisplayName("risk: and severity: in harness.yaml and harness-defaults.yaml")
class RiskAndSeverityConfigTests {

    @TempDir
    Path dir;

    private ServiceConfig config(String yaml) {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("migrations")).file("V1__a.sql", "");
        if (yaml != null) {
            folder.file("harness.yaml", yaml);
        }
        return MigrationSetReader.read(folder.path(), "shop").config();
    }

    @Test
    void should_keep_the_measured_checks_off_with_the_default_sizes_when_nothing_is_configured() {
        RiskConfig risk = config(null).risk();

        assertThat(risk.on()).isFalse();
        assertThat(risk.rowsOrDefault()).isEqualTo(50_000);
        assertThat(risk.productionRowsOrDefault()).isEqualTo(10_000_000L);
        assertThat(risk.maxLockOrDefault()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config(null).withRisk().risk().on()).isTrue();
    }

    @Test
    void should_turn_the_measured_checks_on_with_risk_true_or_with_a_map_of_settings() {
        assertThat(config("risk: true\n").risk().on()).isTrue();
        assertThat(config("risk: false\n").risk().on()).isFalse();

        RiskConfig risk = config("risk:\n  rows: 2000\n  production-rows: 500000\n  max-lock: 250ms\n").risk();

        assertThat(risk.on()).isTrue();
        assertThat(risk.rowsOrDefault()).isEqualTo(2000);
        assertThat(risk.productionRowsOrDefault()).isEqualTo(500_000L);
        assertThat(risk.maxLockOrDefault()).isEqualTo(Duration.ofMillis(250));
        assertThat(config("risk: {enabled: false, rows: 10}\n").risk().on()).isFalse();
    }

    @Test
    void should_fail_naming_the_file_line_and_known_keys_of_an_unknown_risk_setting() {
        assertThatThrownBy(() -> config("schemas: [shop]\nrisk:\n  rows: 10\n  row: 20\n"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessageContaining("Unknown key 'risk.row'")
                .hasMessageContaining("(line 4)")
                .hasMessageContaining("Known keys there: enabled, max-lock, production-rows, rows");
    }

    @Test
    void should_refuse_a_row_count_that_is_not_a_positive_whole_number() {
        assertThatThrownBy(() -> config("risk:\n  rows: -5\n"))
                .hasMessageContaining("risk.rows must be a whole number from 1 to 1000000000, not '-5'")
                .hasMessageContaining("(line 2)");
        assertThatThrownBy(() -> config("risk: sometimes\n"))
                .hasMessageContaining("risk: must be true, false or a map, not 'sometimes'");
    }

    @Test
    void should_give_a_check_the_configured_severity_or_drop_its_findings_when_off() {
        SeverityConfig severity = config("severity:\n  risk.lock: warning\n  lint.rename: off\n  naming.object: error\n")
                .severity();

        assertThat(severity.of("risk.lock", Severity.ERROR)).contains(Severity.WARNING);
        assertThat(severity.of("lint.rename", Severity.ERROR)).isEmpty();
        assertThat(severity.of("naming.object", Severity.WARNING)).contains(Severity.ERROR);
        assertThat(severity.of("down.apply", Severity.ERROR)).contains(Severity.ERROR);
        assertThat(severity.of("risk.lock", Severity.INFO)).as("an allowed finding stays information")
                .contains(Severity.INFO);
    }

    @Test
    void should_fail_naming_the_line_of_a_misspelled_check_or_an_unknown_severity() {
        assertThatThrownBy(() -> config("severity:\n  risk.locks: warning\n"))
                .hasMessageContaining("Unknown check 'risk.locks' under severity:")
                .hasMessageContaining("(line 2)")
                .hasMessageContaining("risk.lock, risk.rewrite, risk.scan");
        assertThatThrownBy(() -> config("severity:\n  risk.lock: fatal\n"))
                .hasMessageContaining("Unknown severity 'fatal' for risk.lock")
                .hasMessageContaining("Expected one of: error, warning, info, off");
        assertThat(config("severity:\n  acme.no-floats: off\n").severity().of("acme.no-floats", Severity.ERROR))
                .as("a check from outside the harness may be configured too").isEmpty();
    }

    @Test
    void should_lay_a_service_setting_over_the_repository_defaults() {
        MigrationFolder.in(dir).file("harness-defaults.yaml",
                "risk: {rows: 1000}\nseverity: {risk.lock: warning, lint.rename: off}\n");
        MigrationFolder.in(dir.resolve("shop")).file("migrations/V1__a.sql", "")
                .file("harness.yaml", "risk: true\nseverity: {risk.lock: error}\n");

        ServiceConfig config = MigrationSetReader.read(dir.resolve("shop"), "shop").config();

        assertThat(config.risk().on()).isTrue();
        assertThat(config.risk().rowsOrDefault()).isEqualTo(1000);
        assertThat(config.severity().of("risk.lock", Severity.WARNING)).contains(Severity.ERROR);
        assertThat(config.severity().of("lint.rename", Severity.ERROR)).isEmpty();
    }
}
