package org.migrationharness.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.source.CompareConfig.Level;
import org.migrationharness.testing.MigrationFolder;

@DisplayName("compare: in harness.yaml and harness-defaults.yaml")
class CompareConfigTests {

    @TempDir
    Path dir;

    private Level columnOrder(Path folder) {
        return MigrationSetReader.read(folder, "shop").config().compare().columnOrderLevel();
    }

    @Test
    void should_weigh_a_moved_column_as_a_warning_when_nothing_is_configured() {
        MigrationFolder.in(dir.resolve("migrations")).file("V1__a.sql", "");

        assertThat(columnOrder(dir.resolve("migrations"))).isEqualTo(Level.WARNING);
        assertThat(Level.WARNING.severity()).contains(Severity.WARNING);
        assertThat(Level.ERROR.severity()).contains(Severity.ERROR);
        assertThat(Level.IGNORE.severity()).isEmpty();
    }

    @Test
    void should_read_each_level_from_harness_yaml() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("migrations")).file("V1__a.sql", "");
        for (Level level : Level.values()) {
            folder.file("harness.yaml", "compare:\n  column-order: " + level.id() + "\n");

            assertThat(columnOrder(folder.path())).isEqualTo(level);
        }
    }

    @Test
    void should_lay_a_service_setting_over_the_repository_defaults_and_take_the_defaults_where_it_says_nothing() {
        MigrationFolder.in(dir).file("harness-defaults.yaml", "compare: {column-order: error}\n");
        MigrationFolder.in(dir.resolve("shop")).file("migrations/V1__a.sql", "");
        MigrationFolder.in(dir.resolve("billing")).file("migrations/V1__a.sql", "")
                .file("harness.yaml", "compare: {column-order: ignore}\n");

        assertThat(columnOrder(dir.resolve("shop"))).isEqualTo(Level.ERROR);
        assertThat(columnOrder(dir.resolve("billing"))).isEqualTo(Level.IGNORE);
    }

    @Test
    void should_fail_naming_the_file_and_line_of_an_unknown_level() {
        MigrationFolder.in(dir.resolve("migrations")).file("V1__a.sql", "")
                .file("harness.yaml", "schemas: [shop]\ncompare:\n  column-order: fatal\n");
        Path config = dir.resolve("migrations/harness.yaml");

        assertThatThrownBy(() -> MigrationSetReader.read(dir.resolve("migrations"), "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.file()).contains(config);
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessage("Unknown compare.column-order 'fatal' in " + config + " (line 3).\n"
                        + "Expected one of: error, warning, ignore (what a column that only moved is; default warning).");
    }

    @Test
    void should_fail_naming_the_file_and_line_of_an_unknown_key_under_compare_in_either_file() {
        MigrationFolder.in(dir.resolve("shop")).file("migrations/V1__a.sql", "")
                .file("harness.yaml", "compare:\n  column-orders: ignore\n");
        Path config = dir.resolve("shop/harness.yaml");
        assertThatThrownBy(() -> MigrationSetReader.read(dir.resolve("shop"), "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessage("Unknown key 'compare.column-orders' in " + config + " (line 2).\n"
                        + "Known keys there: column-order. Remove or rename it.");

        MigrationFolder.in(dir).file("harness-defaults.yaml", "naming: {}\ncompare: {column-order: sometimes}\n");
        MigrationFolder.in(dir.resolve("shop")).file("harness.yaml", "");
        assertThatThrownBy(() -> MigrationSetReader.read(dir.resolve("shop"), "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageStartingWith("Unknown compare.column-order 'sometimes' in " + dir.resolve("harness-defaults.yaml")
                        + " (line 2).");
    }
}
