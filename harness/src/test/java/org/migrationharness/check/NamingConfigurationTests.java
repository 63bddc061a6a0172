package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.source.naming.NamingRule;
import org.migrationharness.source.naming.Rule;
import org.migrationharness.testing.MigrationFolder;

@DisplayName("naming: configuration in harness.yaml and harness-defaults.yaml")
class NamingConfigurationTests {

    static final String BAD_INDEX = "CREATE INDEX orders_status_ix ON shop.orders (status);";

    @TempDir
    Path dir;

    private NamingObjectCheckTests checks() {
        NamingObjectCheckTests tests = new NamingObjectCheckTests();
        tests.dir = dir;
        return tests;
    }

    private Path config() {
        return dir.resolve("migrations/harness.yaml");
    }

    @Test
    void should_not_report_a_rule_that_is_turned_off() {
        String yaml = "schemas: [shop]\nnaming:\n  rules:\n    index-prefix: {enabled: false}\n";
        assertThat(checks().naming(yaml, BAD_INDEX)).isEmpty();
    }

    @Test
    void should_judge_names_by_a_changed_pattern() {
        String yaml = "schemas: [shop]\nnaming:\n  rules:\n    index-prefix: {pattern: \"{table}_.*_ix\"}\n";

        assertThat(checks().naming(yaml, BAD_INDEX)).isEmpty();
        List<Finding> findings = checks().naming(yaml, "CREATE INDEX idx_orders_status ON shop.orders (status);");
        assertThat(findings).singleElement().extracting(Finding::message).asString().startsWith("index"
                + " shop.idx_orders_status: expected a name matching orders_.*_ix (or PostgreSQL's own"
                + " orders_<columns>_idx) for an index on shop.orders (rule index-prefix).\n"
                + "Rename it: ALTER INDEX shop.idx_orders_status RENAME TO <new_name>;");
    }

    @Test
    void should_reject_generated_names_when_told_to() {
        String yaml = "schemas: [shop]\nnaming:\n  rules:\n    primary-key-name: {accept-generated: false}\n";
        assertThat(checks().naming(yaml, "CREATE TABLE shop.tags (id bigint PRIMARY KEY);")).singleElement()
                .extracting(Finding::message).asString()
                .startsWith("primary key shop.tags.tags_pkey: expected a name matching pk_tags for the primary key of"
                        + " shop.tags (rule primary-key-name).");
    }

    @Test
    void should_report_at_the_configured_severity() {
        String yaml = "schemas: [shop]\nnaming:\n  rules:\n    index-prefix: {pattern: \"idx_{table}_.*\", severity: warning}\n";
        assertThat(checks().naming(yaml, BAD_INDEX)).singleElement().extracting(Finding::severity)
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void should_report_a_suppressed_object_as_info_with_its_reason() {
        String yaml = """
                schemas: [shop]
                naming:
                  suppress:
                    - {rule: index-prefix, object: "index shop.orders_status_ix", reason: "name fixed by the Alembic history"}
                """;
        List<Finding> findings = checks().naming(yaml, BAD_INDEX);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).isEqualTo("index shop.orders_status_ix: expected a name matching idx_orders_.* (or"
                    + " PostgreSQL's own orders_<columns>_idx) for an index on shop.orders (rule index-prefix).\n"
                    + "Suppressed in " + DisplayPath.of(config()) + ": name fixed by the Alembic history");
        });
    }

    @Test
    void should_warn_about_a_suppression_that_matches_nothing() {
        String yaml = """
                schemas: [shop]
                naming:
                  suppress:
                    - rule: index-prefix
                      object: "index shop.orders_gone"
                      reason: "kept for the old reporting job"
                """;
        List<Finding> findings = checks().naming(yaml, "");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("naming.object");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.file()).isEqualTo(DisplayPath.of(config()));
            assertThat(f.line()).isEqualTo(5);
            assertThat(f.message()).isEqualTo("Stale suppression: rule index-prefix for \"index shop.orders_gone\""
                    + " (reason: kept for the old reporting job) matches nothing: the object is gone, renamed, or now"
                    + " follows the rule.\nRemove it from naming.suppress in " + DisplayPath.of(config()) + ".");
        });
    }

    @Test
    void should_fail_naming_the_key_file_and_line_of_an_unknown_key() {
        MigrationFolder.in(dir.resolve("migrations")).file("V1__a.sql", "")
                .file("harness.yaml", "schemas: [shop]\nnaming:\n  rules:\n    index-prefix:\n      patern: \"idx_.*\"\n");

        assertThatThrownBy(() -> MigrationSetReader.read(dir.resolve("migrations"), "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.file()).contains(config());
                })
                .hasMessage("Unknown key 'naming.rules.index-prefix.patern' in " + config() + " (line 5).\n"
                        + "Known keys there: accept-generated, enabled, pattern, severity. Remove or rename it.");
    }

    @Test
    void should_fail_naming_the_rule_file_and_line_of_an_unknown_rule() {
        MigrationFolder.in(dir.resolve("migrations")).file("V1__a.sql", "")
                .file("harness.yaml", "naming:\n  rules:\n    index-prefixes: {enabled: false}\n");

        assertThatThrownBy(() -> MigrationSetReader.read(dir.resolve("migrations"), "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessage("Unknown naming rule 'index-prefixes' in " + config() + " (line 3) (naming.rules).\n"
                        + "Known rules: " + String.join(", ", NamingRule.ids()) + ".");
    }

    @Test
    void should_fail_on_an_unknown_rule_in_a_suppression_and_on_one_without_a_reason() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("migrations")).file("V1__a.sql", "")
                .file("harness.yaml", "naming:\n  suppress:\n    - {rule: idx-prefix, object: \"index x.y\", reason: r}\n");
        assertThatThrownBy(() -> MigrationSetReader.read(folder.path(), "shop"))
                .hasMessageStartingWith("Unknown naming rule 'idx-prefix' in " + config() + " (line 3)");

        folder.file("harness.yaml", "naming:\n  suppress:\n    - {rule: index-prefix, object: \"index x.y\"}\n");
        assertThatThrownBy(() -> MigrationSetReader.read(folder.path(), "shop"))
                .hasMessageStartingWith("A suppression in " + config() + " (line 3) needs a rule, an object and a reason.");
    }

    @Test
    void should_fail_on_a_bad_pattern_a_pattern_for_a_rule_without_one_and_an_unknown_severity() {
        MigrationFolder folder = MigrationFolder.in(dir.resolve("migrations")).file("V1__a.sql", "");

        folder.file("harness.yaml", "naming:\n  rules:\n    index-prefix: {pattern: \"idx_(\"}\n");
        assertThatThrownBy(() -> MigrationSetReader.read(folder.path(), "shop"))
                .hasMessageStartingWith("The pattern of rule index-prefix in " + config() + " (line 3) is not a valid"
                        + " regular expression: Unclosed group");

        folder.file("harness.yaml", "naming:\n  rules:\n    reserved-word: {pattern: \"x\"}\n");
        assertThatThrownBy(() -> MigrationSetReader.read(folder.path(), "shop"))
                .hasMessageStartingWith("Rule reserved-word in " + config() + " (line 3) has no pattern to change.");

        folder.file("harness.yaml", "naming:\n  rules:\n    reserved-word: {severity: fatal}\n");
        assertThatThrownBy(() -> MigrationSetReader.read(folder.path(), "shop"))
                .hasMessage("Unknown severity 'fatal' for rule reserved-word in " + config() + " (line 3).\n"
                        + "Use error, warning or info.");
    }

    @Test
    void should_lay_a_service_settings_over_the_repository_defaults() {
        MigrationFolder.in(dir).file("harness-defaults.yaml",
                "naming:\n  rules:\n    index-prefix: {severity: warning}\n    no-version-gaps: {enabled: true}\n");
        MigrationFolder.in(dir.resolve("shop")).file("migrations/V1__a.sql", "")
                .file("harness.yaml", "naming:\n  rules:\n    index-prefix: {pattern: \"ix_{table}_.*\"}\n"
                        + "    no-version-gaps: {enabled: false}\n");

        var naming = MigrationSetReader.read(dir.resolve("shop"), "shop").config().naming();

        assertThat(naming.rule(NamingRule.INDEX_PREFIX)).isEqualTo(new Rule(NamingRule.INDEX_PREFIX, true,
                "ix_{table}_.*", Severity.WARNING, true));
        assertThat(naming.rule(NamingRule.NO_VERSION_GAPS).enabled()).isFalse();
        assertThat(naming.rule(NamingRule.CHECK_PREFIX)).isEqualTo(new Rule(NamingRule.CHECK_PREFIX, true, "chk_.*",
                Severity.ERROR, true));
    }

    @Test
    void should_refuse_suppressions_and_other_keys_in_the_repository_defaults() {
        MigrationFolder.in(dir.resolve("shop")).file("migrations/V1__a.sql", "");
        Path defaults = dir.resolve("harness-defaults.yaml");

        MigrationFolder.in(dir).file("harness-defaults.yaml",
                "naming:\n  suppress:\n    - {rule: index-prefix, object: \"index x.y\", reason: r}\n");
        assertThatThrownBy(() -> MigrationSetReader.read(dir.resolve("shop"), "shop"))
                .hasMessage("'naming.suppress' is not allowed in " + defaults + ": a suppression names one service's"
                        + " object.\nMove it to that service's harness.yaml.");

        MigrationFolder.in(dir).file("harness-defaults.yaml", "schemas: [shop]\n");
        assertThatThrownBy(() -> MigrationSetReader.read(dir.resolve("shop"), "shop"))
                .hasMessage("Unknown key 'schemas' in " + defaults + " (line 1).\nKnown keys: compare, naming, risk, severity. Remove or rename it.");
    }
}
