package org.migrationharness.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

class SchemaFilesTest {

    @TempDir
    Path dir;

    @Test
    void should_read_back_an_equal_snapshot() {
        SchemaSnapshot snapshot = Build.snapshot(SchemaReaderTest.RICH);
        Path file = dir.resolve("service/expected-schema.json");

        SchemaFiles.write(snapshot, file);
        SchemaSnapshot read = SchemaFiles.read(file);

        assertThat(read).isEqualTo(snapshot);
        assertThat(SchemaDiff.between(snapshot, read).isEmpty()).isTrue();
        assertThat(SchemaFiles.toJson(read)).isEqualTo(SchemaFiles.toJson(snapshot));
    }

    @Test
    void should_write_pretty_json_one_value_per_line_with_a_final_newline() {
        SchemaSnapshot snapshot = new SchemaSnapshot(List.of(new SchemaSnapshot.Namespace("app", null, List.of())),
                null, null, List.of(new SchemaSnapshot.EnumType("app", "tier", List.of("free", "pro"), null)),
                null, null, null, null, null, null);

        assertThat(SchemaFiles.toJson(snapshot)).isEqualTo("""
                {
                  "schemas": [
                    {
                      "name": "app"
                    }
                  ],
                  "enums": [
                    {
                      "schema": "app",
                      "name": "tier",
                      "labels": [
                        "free",
                        "pro"
                      ]
                    }
                  ]
                }
                """);
    }

    @Test
    void should_name_the_file_and_line_of_malformed_json() throws IOException {
        Path file = dir.resolve("expected-schema.json");
        Files.writeString(file, "{\n  \"schemas\": [\n<<<<<<< HEAD\n");

        assertThatThrownBy(() -> SchemaFiles.read(file))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.file()).contains(file);
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessageStartingWith("The schema snapshot " + file + " is not valid at schemas (line 3, column 1): ")
                .hasMessageEndingWith("Expected JSON as `snapshot` writes it; fix the file (a merge conflict?) "
                        + "or write it again with snapshot --write-expected.");
    }

    @Test
    void should_name_an_unknown_key() throws IOException {
        Path file = dir.resolve("expected-schema.json");
        Files.writeString(file, "{\n  \"tables\": [\n    {\n      \"schema\": \"app\",\n      \"nmae\": \"t\"\n    }\n  ]\n}\n");

        assertThatThrownBy(() -> SchemaFiles.read(file))
                .isInstanceOf(HarnessException.class)
                .hasMessage("Unknown key 'nmae' at tables[0].nmae in the schema snapshot " + file + " (line 5).\n"
                        + "Expected only the keys `snapshot` writes; write the file again with snapshot --write-expected "
                        + "rather than editing it by hand.")
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.line()).isEqualTo(5));
    }

    @Test
    void should_say_how_to_write_a_missing_file() {
        Path file = dir.resolve("missing.json");

        assertThatThrownBy(() -> SchemaFiles.read(file))
                .isInstanceOf(HarnessException.class)
                .hasMessage("No schema snapshot at " + file + ".\n"
                        + "Write one with: java -jar migration-harness.jar snapshot --service NAME --write-expected");
    }
}
