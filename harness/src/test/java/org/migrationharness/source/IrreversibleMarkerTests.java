package org.migrationharness.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.Finding;
import org.migrationharness.testing.MigrationFolder;

/** {@code -- harness:irreversible <reason>} means the same in every format, read by one rule. */
class IrreversibleMarkerTests {

    private static final String UP = "CREATE TABLE t (id int);\n";
    private static final String MARKED = "-- harness:irreversible the rows are gone\n";

    @TempDir
    Path dir;

    private String finding(MigrationSet set) {
        assertThat(set.problems()).hasSize(1);
        Finding f = set.problems().get(0);
        return f.check() + " " + f.migration() + " " + dir.relativize(Path.of(f.file()).toAbsolutePath()) + ":" + f.line()
                + " " + f.message().lines().findFirst().orElseThrow();
    }

    @Test
    void should_declare_a_migration_irreversible_by_a_marker_alone_in_every_format() {
        MigrationFolder.in(dir).file("1_a.up.sql", UP).file("1_a.down.sql", MARKED);

        Migration migration = MigrationSetReader.read(dir, "m").migrations().get(0);

        assertThat(migration.irreversibleReason()).isEqualTo("the rows are gone");
        assertThat(migration.down()).isNotNull();
    }

    @Test
    void should_refuse_a_marker_beside_statements_in_a_whole_down_file() {
        MigrationFolder.in(dir).file("V1__a.sql", UP).file("U1__a.sql", MARKED + "DROP TABLE t;\n");

        assertThat(finding(MigrationSetReader.read(dir, "m"))).isEqualTo("down.missing 1 U1__a.sql:1 U1__a.sql marks"
                + " migration 1 irreversible and also holds statements.");
    }

    @Test
    void should_refuse_a_marker_beside_statements_at_its_line_in_the_file_of_a_down_section() {
        MigrationFolder.in(dir).file("00001_a.sql", "-- +goose Up\n" + UP + "\n-- +goose Down\n" + MARKED
                + "DROP TABLE t;\n");

        assertThat(finding(MigrationSetReader.read(dir, "m"))).isEqualTo("down.missing 1 00001_a.sql:5"
                + " 00001_a.sql (down) marks migration 1 irreversible and also holds statements.");
    }

    @Test
    void should_count_an_empty_down_section_as_none_and_keep_an_empty_flyway_undo_as_flyway_reads_it() {
        MigrationFolder.in(dir).file("20240101120000_a.sql", "-- migrate:up\n" + UP + "-- migrate:down\n-- nothing\n");
        assertThat(MigrationSetReader.read(dir, "m").migrations().get(0).down()).isNull();

        Path flyway = dir.resolve("flyway");
        MigrationFolder.in(flyway).file("V1__a.sql", UP).file("U1__a.sql", "-- nothing\n");
        assertThat(MigrationSetReader.read(flyway, "m").migrations().get(0).down()).isNotNull();
    }
}
