package org.migrationharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

class JsonReportTests {

    @TempDir
    Path tmp;

    private final RunReport report = new RunReport("migration-harness", "test", "17.6", 0, List.of());

    @Test
    void should_write_the_report_and_read_it_back() {
        Path file = tmp.resolve("report.json");

        new JsonReport().write(report, file);

        assertThat(JsonReport.read(file)).isEqualTo(report);
    }

    @Test
    void should_not_create_a_missing_folder_but_say_which_one_is_missing() {
        Path file = tmp.resolve("reports/report.json");

        assertThatThrownBy(() -> new JsonReport().write(report, file))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT))
                .hasMessage("Cannot write the json report to " + file + ": its folder " + tmp + "/reports does not exist.\n"
                        + "Create the folder first, or give a path in an existing folder.");
        assertThat(tmp.resolve("reports")).doesNotExist();
    }
}
