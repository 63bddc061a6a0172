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
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;

@DisplayName("baselines: naming.since and reversible-since hold only the migrations after them to the rules")
class BaselineTests {

    @TempDir
    Path dir;

    private MigrationFolder folder() {
        return MigrationFolder.in(dir);
    }

    private String file(String name) {
        return DisplayPath.of(dir.resolve(name));
    }

    private static List<String> summary(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().id() + " " + f.check() + " " + f.migration() + " "
                + f.message().lines().findFirst().orElse("")).toList();
    }

    /** Runs the given checks on the folder, up.apply first. */
    private List<Finding> run(Check... checks) {
        MigrationSet set = MigrationSetReader.read(dir, "shop");
        try (ServiceRun context = new ServiceRun(set, SharedServer.get(), VerifyOptions.defaults())) {
            context.run(new UpApplyCheck());
            assertThat(context.findings()).as("up.apply").isEmpty();
            for (Check check : checks) {
                context.run(check);
            }
            return List.copyOf(context.findings());
        }
    }

    @Test
    void should_check_only_the_file_names_after_the_naming_baseline() {
        folder().file("harness.yaml", "naming: {since: 2}\n").file("V1__CreateUsers.sql", "").file("V2__add-email.sql", "")
                .file("V3__AddOrders.sql", "");

        List<Finding> problems = MigrationSetReader.read(dir, "shop").problems();

        assertThat(problems).extracting(Finding::severity, Finding::migration, Finding::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.INFO, null, file("harness.yaml")),
                        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "3", file("V3__AddOrders.sql")));
        assertThat(problems.get(0).line()).isEqualTo(1);
        assertThat(problems.get(0).message()).isEqualTo("2 migrations up to V2 are before the naming baseline"
                + " (naming.since: 2) and their file names are not checked: 2 findings left out.\nMove the baseline"
                + " forward as old names are fixed (naming.since: 2 in " + file("harness.yaml") + " line 1).");
    }

    @Test
    void should_order_the_baseline_as_flyway_orders_versions_not_as_text() {
        // 1.10 comes after 1.9 (as text it would come before): only V1.10 and V2 are after the baseline
        folder().file("harness.yaml", "naming:\n  since: \"1.9\"\n").file("V1.9__Old.sql", "").file("V1.10__New.sql", "")
                .file("V2__Newer.sql", "");

        assertThat(MigrationSetReader.read(dir, "shop").problems()).extracting(Finding::migration)
                .containsExactly(null, "1.10", "2");
    }

    @Test
    void should_read_an_unquoted_yaml_number_as_the_version_written() {
        // YAML reads 1.10 as a number; the baseline is the version as written all the same, 1.10, not 1.1
        folder().file("harness.yaml", "naming: {since: 1.10}\n").file("V1.1__Old.sql", "").file("V1.10__Old.sql", "")
                .file("V1.11__New.sql", "");

        assertThat(MigrationSetReader.read(dir, "shop").problems()).extracting(Finding::migration)
                .containsExactly(null, "1.11");
    }

    @Test
    void should_refuse_a_naming_baseline_that_is_not_a_version_of_the_set_naming_file_and_line() {
        folder().file("harness.yaml", "schemas: [shop]\nnaming:\n  since: 7\n").file("V1__a.sql", "").file("V2__b.sql", "");

        assertThatThrownBy(() -> MigrationSetReader.read(dir, "shop")).isInstanceOfSatisfying(HarnessException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
            assertThat(e.file()).contains(dir.resolve("harness.yaml"));
            assertThat(e.line()).isEqualTo(3);
        }).hasMessage("naming.since: 7 in " + file("harness.yaml") + " line 3 is not a version of this set (from 1 to 2):"
                + " expected the version of its last migration already in production.\nWrite that version as its file"
                + " name has it, e.g. naming: {since: 1}.");
    }

    @Test
    void should_refuse_a_reversible_since_that_is_not_a_version_of_the_set() {
        folder().file("harness.yaml", "reversible-since: v2\n").file("V1__a.sql", "").file("V2__b.sql", "");

        assertThatThrownBy(() -> MigrationSetReader.read(dir, "shop")).isInstanceOfSatisfying(HarnessException.class,
                e -> assertThat(e.line()).isEqualTo(1)).hasMessageStartingWith("reversible-since: v2 in "
                + file("harness.yaml") + " line 1 is not a version of this set (from 1 to 2)");
    }

    @Test
    void should_refuse_a_naming_baseline_in_the_repository_defaults() {
        MigrationFolder.in(dir).file("harness-defaults.yaml", "naming:\n  since: 1\n").file("shop/migrations/V1__a.sql", "");

        assertThatThrownBy(() -> MigrationSetReader.read(dir.resolve("shop"), "shop")).isInstanceOf(HarnessException.class)
                .hasMessageStartingWith("'naming.since' is not allowed in " + dir.resolve("harness-defaults.yaml")
                        + " (line 2): a baseline names one service's version.");
    }

    @Test
    void should_require_a_down_script_only_after_reversible_since() {
        folder().file("harness.yaml", "reversible-since: 2\n")
                .file("V1__a.sql", "CREATE TABLE a (id int);").file("V2__b.sql", "CREATE TABLE b (id int);")
                .file("V3__c.sql", "CREATE TABLE c (id int);").file("U2__b.sql", "DROP TABLE b;");

        assertThat(summary(run(new DownMissingCheck()))).containsExactly(
                "info down.missing null 2 migrations up to V2 are before the baseline (reversible-since: 2) and not"
                        + " checked for a down script: 1 of them has none.",
                "error down.missing 3 Migration 3 (V3__c.sql) has no down script.");
    }

    @Test
    void should_check_only_the_objects_the_migrations_after_the_naming_baseline_add() {
        String longName = "x".repeat(64);
        folder().file("harness.yaml", "naming: {since: 1}\n")
                .file("V1__users.sql", "CREATE TABLE \"Users\" (id bigint PRIMARY KEY, \"userName\" text);\n"
                        + "CREATE INDEX users_name ON \"Users\" (\"userName\");\nCREATE TABLE " + longName + " (id int);\n")
                .file("V2__orders.sql", "CREATE TABLE \"Orders\" (id bigint CONSTRAINT pk_orders PRIMARY KEY);\n"
                        + "ALTER TABLE \"Users\" ADD COLUMN \"eMail\" text;\n");

        List<Finding> findings = run(new NamingObjectCheck());

        assertThat(summary(findings)).containsExactly(
                "info naming.object null 1 migration up to V1 is before the naming baseline (naming.since: 1) and the 8"
                        + " objects in the catalog at the baseline are not checked: 5 findings left out.",
                "error naming.object 2 table public.Orders: expected a lower snake_case name matching [a-z_][a-z0-9_]*;"
                        + " found \"Orders\", which every statement must quote (rule lower-snake-case).",
                "error naming.object 2 primary key public.Orders.pk_orders: expected a name matching pk_Orders (or"
                        + " PostgreSQL's own Orders_pkey) for the primary key of public.Orders (rule primary-key-name).",
                "error naming.object 2 column public.Users.eMail: expected a lower snake_case name matching"
                        + " [a-z_][a-z0-9_]*; found \"eMail\", which every statement must quote (rule lower-snake-case).");
    }
}
