package org.migrationharness.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.Finding;

/**
 * A rename hint of {@code naming.file} must itself pass every file rule: over many generated descriptions, each file
 * renamed as its finding says is read by Flyway as the same migration and breaks no rule any more.
 */
@DisplayName("naming.file: every rename hint passes every file rule")
class FileNameHintTests {

    private static final Pattern HINT = Pattern.compile("(?:Rename it to|Rename the repeatable, e\\.g\\.) (\\S+\\.sql)\\.$",
            Pattern.MULTILINE);
    private static final String[] WORDS = {"add", "Phone", "2FA", "user", "HTTPServer", "accountId", "v2", "naïve",
            "ORDER", "x", "Backfill", "tier", "e-mail", "a.b", "_", "__", " ", "-", "ID", "9lives", "user_name"};

    @TempDir
    Path dir;

    @Test
    void should_give_hints_that_flyway_reads_as_the_same_migration_and_that_break_no_rule() throws IOException {
        Random random = new Random(12);
        Map<String, String> files = new LinkedHashMap<>();
        for (int version = 1; version <= 150; version++) {
            StringBuilder description = new StringBuilder();
            int words = 1 + random.nextInt(4);
            for (int w = 0; w < words; w++) {
                description.append(WORDS[random.nextInt(WORDS.length)]);
                if (random.nextBoolean()) {
                    description.append(random.nextBoolean() ? "_" : random.nextBoolean() ? " " : "");
                }
            }
            description.append(version % 7 == 0 ? "" : "_" + version); // keeps descriptions apart
            files.put("V" + version + "__" + description + ".sql", "SELECT 1;\n");
            if (version % 10 == 0) {
                // a repeatable that shares the description of a versioned migration: description-clash
                files.put("R__" + description + ".sql", "SELECT 1;\n");
            }
        }
        Path folder = write(dir.resolve("before"), files);

        MigrationSet before = MigrationSetReader.read(folder, "hints");
        Map<String, String> renames = new LinkedHashMap<>();
        for (Finding finding : before.problems()) {
            Matcher hint = HINT.matcher(finding.message());
            if (hint.find()) {
                renames.put(Path.of(finding.file()).getFileName().toString(), hint.group(1));
            }
        }
        assertThat(renames).as("hints given").hasSizeGreaterThan(60);

        Map<String, String> renamed = new LinkedHashMap<>();
        files.forEach((name, text) -> renamed.put(renames.getOrDefault(name, name), text));
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            FlywayName was = FlywayName.parse(rename.getKey());
            FlywayName hinted = FlywayName.parse(rename.getValue());
            assertThat(hinted.kind()).as(rename.toString()).isEqualTo(was.kind());
            assertThat(hinted.version()).as(rename.toString()).isEqualTo(was.version());
        }
        MigrationSet after = MigrationSetReader.read(write(dir.resolve("after"), renamed), "hints");

        List<String> left = new ArrayList<>();
        after.problems().stream().filter(f -> renamed.containsKey(Path.of(f.file()).getFileName().toString())
                && renames.containsValue(Path.of(f.file()).getFileName().toString())).forEach(f -> left.add(f.message()));
        assertThat(left).as("findings on renamed files").isEmpty();
        assertThat(after.migrations()).hasSameSizeAs(before.migrations());
        assertThat(after.repeatables()).hasSameSizeAs(before.repeatables());
    }

    private static Path write(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
        return folder;
    }
}
