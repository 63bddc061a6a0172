package org.migrationharness.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.testing.MigrationFolder;

@DisplayName("naming.file: the configurable file rules")
class NamingFileTests {

    @TempDir
    Path dir;

    private List<Finding> problems(String config, String... files) {
        MigrationFolder folder = MigrationFolder.in(dir);
        for (String file : files) {
            folder.file(file, "");
        }
        if (config != null) {
            folder.file("harness.yaml", config);
        }
        return MigrationSetReader.read(dir, "shop").problems();
    }

    private static String enable(String rule) {
        return "naming:\n  rules:\n    " + rule + ": {enabled: true}\n";
    }

    @Test
    void should_pass_when_descriptions_are_snake_case() {
        assertThat(problems(null, "V1__create_accounts.sql", "U1__create_accounts.sql", "V2__add_2fa_codes.sql",
                "R__account_summary_view.sql")).isEmpty();
    }

    @Test
    void should_fail_when_a_description_is_not_snake_case() {
        List<Finding> problems = problems(null, "V1__create_accounts.sql", "V3__AddPhone.sql");

        assertThat(problems).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("naming.file");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.migration()).isEqualTo("3");
            assertThat(f.file()).isEqualTo(DisplayPath.of(dir.resolve("V3__AddPhone.sql")));
            assertThat(f.message()).isEqualTo("V3__AddPhone.sql: the description 'AddPhone' is not snake_case (expected"
                    + " [a-z0-9]+(_[a-z0-9]+)*; rule description-snake-case).\nRename it to V3__add_phone.sql.");
        });
    }

    @Test
    void should_suggest_a_description_starting_with_a_digit_as_it_is_since_the_pattern_allows_it() {
        List<Finding> problems = problems(null, "V3__2FA_Codes.sql");

        assertThat(problems).singleElement().extracting(Finding::message).asString()
                .endsWith("\nRename it to V3__2fa_codes.sql.");
    }

    @Test
    void should_suggest_a_repeatable_name_that_is_snake_case_itself() {
        List<Finding> problems = problems(null, "V1__Account_Summary.sql", "R__Account_Summary.sql");

        assertThat(problems).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .startsWith("R__Account_Summary.sql and V1__Account_Summary.sql share the description")
                .endsWith("\nRename the repeatable, e.g. R__account_summary_repeatable.sql."));
    }

    @Test
    void should_pass_when_a_repeatable_has_a_description_of_its_own() {
        assertThat(problems(null, "V1__accounts.sql", "R__accounts_view.sql")).isEmpty();
    }

    @Test
    void should_fail_when_a_repeatable_shares_the_description_of_a_versioned_migration() {
        List<Finding> problems = problems(null, "V1__accounts.sql", "R__accounts.sql");

        assertThat(problems).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("R__accounts.sql and V1__accounts.sql share the description 'accounts'"
                    + " (expected a repeatable's description to differ from every versioned one; rule description-clash):"
                    + " Flyway's history and output cannot tell them apart.\nRename the repeatable, e.g."
                    + " R__accounts_repeatable.sql.");
        });
    }

    @Test
    void should_not_look_for_version_gaps_unless_told_to() {
        assertThat(problems(null, "V1__a.sql", "V4__b.sql")).isEmpty();
    }

    @Test
    void should_pass_when_integer_versions_follow_each_other() {
        assertThat(problems(enable("no-version-gaps"), "V1__a.sql", "V2__b.sql", "V2.1__hotfix.sql", "V3__c.sql"))
                .isEmpty();
    }

    @Test
    void should_fail_when_integer_versions_have_a_gap() {
        List<Finding> problems = problems(enable("no-version-gaps"), "V1__a.sql", "V2__b.sql", "V5__e.sql", "V7__g.sql");

        assertThat(problems).extracting(Finding::message).containsExactly(
                "V5__e.sql follows V2__b.sql: versions 3 to 4 are missing (expected consecutive integer versions; rule"
                        + " no-version-gaps).\nA gap often means a migration was lost in a merge: restore it, or"
                        + " renumber V5__e.sql to V3__e.sql if it was never released.",
                "V7__g.sql follows V5__e.sql: version 6 is missing (expected consecutive integer versions; rule"
                        + " no-version-gaps).\nA gap often means a migration was lost in a merge: restore it, or"
                        + " renumber V7__g.sql to V6__g.sql if it was never released.");
    }

    @Test
    void should_not_judge_timestamp_versions_unless_told_to() {
        assertThat(problems(null, "V29990101000000__future.sql")).isEmpty();
    }

    @Test
    void should_pass_when_timestamp_versions_are_in_the_past() {
        assertThat(problems(enable("timestamp-not-in-future"), "V20240101093000__create_users.sql",
                "V20240102101500123__add_email.sql", "V1__not_a_timestamp.sql")).isEmpty();
    }

    @Test
    void should_fail_when_a_timestamp_version_is_in_the_future_or_not_a_time() {
        List<Finding> problems = problems(enable("timestamp-not-in-future"), "V20240101093000__create_users.sql",
                "V20241340000000__bad_month.sql", "V29990101000000__future.sql");

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).message()).startsWith("V20241340000000__bad_month.sql: the version 20241340000000 is"
                + " not a time (expected yyyyMMddHHmmss; rule timestamp-not-in-future).\nRename it with the time it"
                + " was written, e.g. V20");
        assertThat(problems.get(1).message()).isEqualTo("V29990101000000__future.sql: the version 29990101000000 is in"
                + " the future (expected a yyyyMMddHHmmss time not later than now; rule timestamp-not-in-future): every"
                + " migration written before then will sort before it and run out of order.\nRename it with the time it"
                + " was written.");
    }

    @Test
    void should_report_a_suppressed_file_as_info_and_a_stale_file_suppression_as_a_warning() {
        String config = """
                naming:
                  suppress:
                    - {rule: description-snake-case, object: "file V3__AddPhone.sql", reason: "released under this name"}
                    - {rule: description-snake-case, object: "file V9__Gone.sql", reason: "renamed long ago"}
                """;
        List<Finding> problems = problems(config, "V3__AddPhone.sql");

        assertThat(problems).extracting(Finding::severity).containsExactly(Severity.INFO, Severity.WARNING);
        assertThat(problems.get(0).message()).endsWith("\nSuppressed in " + DisplayPath.of(dir.resolve("harness.yaml"))
                + ": released under this name");
        assertThat(problems.get(1).check()).isEqualTo("naming.file");
        assertThat(problems.get(1).line()).isEqualTo(4);
        assertThat(problems.get(1).message()).startsWith("Stale suppression: rule description-snake-case for"
                + " \"file V9__Gone.sql\" (reason: renamed long ago) matches nothing");
    }
}
