package org.migrationharness.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.testing.MigrationFolder;

/** The format seam: formats found through the ServiceLoader, chosen by harness.yaml, --format or the files. */
class MigrationFormatsTests {

    @TempDir
    Path dir;

    @Test
    void should_find_the_flyway_format_through_the_service_loader() {
        assertThat(MigrationFormats.ids()).contains("flyway");
        assertThat(MigrationFormats.byId("flyway", "test")).isInstanceOf(FlywayFormat.class);
        assertThat(MigrationFormats.known("auto")).isTrue();
    }

    @Test
    void should_detect_flyway_from_its_file_names_and_say_so_in_the_set() {
        MigrationFolder.in(dir).file("V1__a.sql", "CREATE TABLE a (id int);\n").file("U1__a.sql", "DROP TABLE a;\n");

        MigrationSet set = MigrationSetReader.read(dir, "detected");

        assertThat(set.format()).isEqualTo("flyway");
        assertThat(set.migrations().get(0).up()).isEqualTo(new Script(dir.resolve("V1__a.sql"), 1, "V1",
                "CREATE TABLE a (id int);\n"));
        assertThat(set.migrations().get(0).down().label()).isEqualTo("U1");
    }

    @Test
    void should_detect_golang_migrate_from_its_up_and_down_files() {
        MigrationFolder.in(dir).file("1_a.up.sql", "CREATE TABLE a (id int);\n").file("1_a.down.sql", "DROP TABLE a;\n")
                .file("10_b.up.sql", "CREATE TABLE b (id int);\n").file("2_c.up.sql", "CREATE TABLE c (id int);\n");

        MigrationSet set = MigrationSetReader.read(dir, "detected");

        assertThat(set.format()).isEqualTo("golang-migrate");
        assertThat(set.migrations()).extracting(m -> m.version().text()).containsExactly("1", "2", "10");
        assertThat(set.migrations().get(0).down().label()).isEqualTo("1_a.down");
    }

    @Test
    void should_refuse_a_folder_whose_files_look_like_two_formats_naming_a_file_of_each() {
        MigrationFolder.in(dir).file("V1__a.sql", "SELECT 1;\n").file("2_b.up.sql", "SELECT 2;\n");

        assertThatThrownBy(() -> MigrationSetReader.read(dir, "mixed"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT))
                .hasMessage("The files of " + org.migrationharness.internal.DisplayPath.of(dir) + " look like 2 formats:"
                        + " flyway (V1__a.sql) and golang-migrate (2_b.up.sql).\nA folder holds one format: move the"
                        + " files of the other out, or say which it is with format: in harness.yaml (or --format).");
    }

    @Test
    void should_read_a_folder_in_the_format_asked_for_even_where_other_files_are_there() {
        MigrationFolder.in(dir).file("V1__a.sql", "SELECT 1;\n").file("2_b.up.sql", "SELECT 2;\n");

        MigrationSet set = MigrationSetReader.read(dir, "asked", "golang-migrate");

        assertThat(set.format()).isEqualTo("golang-migrate");
        assertThat(set.problems()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("V1__a.sql: golang-migrate skips files not named"));
    }

    @Test
    void should_read_an_empty_folder_in_the_default_format() {
        assertThat(MigrationSetReader.read(MigrationFolder.in(dir).path(), "empty").format()).isEqualTo("flyway");
    }

    @Test
    void should_take_the_format_harness_yaml_names() {
        MigrationFolder.in(dir).file("harness.yaml", "format: flyway\n").file("migrations/V1__a.sql", "SELECT 1;\n");

        assertThat(MigrationSetReader.read(dir, "configured").format()).isEqualTo("flyway");
        assertThat(ServiceConfig.read(dir.resolve("harness.yaml")).format()).isEqualTo("flyway");
        assertThat(ServiceConfig.defaults().format()).isEqualTo("auto");
    }

    @Test
    void should_refuse_an_unknown_format_in_harness_yaml_naming_file_and_line() {
        MigrationFolder.in(dir).file("harness.yaml", "schemas: [shop]\nformat: liquibase\n").file("migrations/V1__a.sql", "SELECT 1;\n");

        assertThatThrownBy(() -> MigrationSetReader.read(dir, "unknown"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.line()).isEqualTo(2);
                })
                .hasMessage("Unknown migration format 'liquibase' in " + dir.resolve("harness.yaml") + " (line 2).\n"
                        + "Expected one of: auto, " + String.join(", ", MigrationFormats.ids()) + ".");
    }

    @Test
    void should_refuse_an_unknown_format_given_to_the_reader() {
        MigrationFolder.in(dir).file("V1__a.sql", "SELECT 1;\n");

        assertThatThrownBy(() -> MigrationSetReader.read(dir, "unknown", "liquibase"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageStartingWith("Unknown migration format 'liquibase' (from --format).");
    }

    @Test
    void should_leave_the_history_table_out_of_snapshots_as_the_format_says() {
        FlywayFormat flyway = new FlywayFormat();
        MigrationFolder.in(dir).file("harness.yaml", "flyway: {table: schema_history}\n").file("migrations/V1__a.sql", "SELECT 1;\n");

        assertThat(flyway.bookkeepingTables(ServiceConfig.defaults())).containsExactly("flyway_schema_history");
        assertThat(flyway.bookkeepingTables(MigrationSetReader.read(dir, "custom").config())).containsExactly("schema_history");
    }
}
