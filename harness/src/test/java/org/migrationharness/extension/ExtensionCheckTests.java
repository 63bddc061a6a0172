package org.migrationharness.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.CheckId;
import org.migrationharness.check.Verifier;
import org.migrationharness.check.VerifyOptions;
import org.migrationharness.report.JsonReport;
import org.migrationharness.report.ReportWriter;
import org.migrationharness.report.RunReport;
import org.migrationharness.report.SarifReport;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.report.TextReport;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;

/**
 * A check added from outside the {@code check} package, through {@code META-INF/services}: the verifier runs it after
 * its own checks, on a real server, and every report shows it. Its services file lies under {@code extension/} of the
 * test resources, seen only through a class loader of this test, so the other tests keep the harness's own checks.
 */
class ExtensionCheckTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The verifier built while the context class loader also sees {@code extension/META-INF/services}. */
    private static <T> T withExtension(java.util.function.Supplier<T> action) throws IOException {
        URL extension = ExtensionCheckTests.class.getResource("/extension/");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {extension}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            return action.get();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private MigrationSet payments() {
        MigrationFolder.in(dir).file("V1__payments.sql", """
                CREATE TABLE payments (id bigint CONSTRAINT pk_payments PRIMARY KEY, amount double precision NOT NULL, note text);
                """).file("U1__payments.sql", "DROP TABLE payments;\n");
        return MigrationSetReader.read(dir, "payments");
    }

    @Test
    void should_run_a_check_registered_through_the_service_loader_after_the_own_checks_and_report_it_in_json()
            throws IOException {
        Verifier verifier = withExtension(() -> new Verifier(SharedServer.get()));
        RunReport run = verifier.verifyAll(List.of(new Verifier.Target(payments(), VerifyOptions.defaults())));

        JsonNode service = JSON.readTree(JsonReport.toJson(run)).get("services").get(0);
        List<String> checks = service.get("checks").findValuesAsText("check");
        assertThat(checks).as("the own checks in their order, then the added one")
                .containsExactlyElementsOf(withExtension(Verifier::checkIds).stream().map(CheckId::id).toList());
        assertThat(checks).endsWith("team.no-float-columns").startsWith("naming.file");
        JsonNode result = service.get("checks").get(checks.size() - 1);
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(service.get("status").asText()).isEqualTo("failed");
        assertThat(service.get("findings")).filteredOn(f -> f.get("check").asText().equals("team.no-float-columns"))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("severity").asText()).isEqualTo("error");
                    assertThat(f.get("message").asText())
                            .isEqualTo("Column public.payments.amount is double precision: use numeric.");
                });
    }

    @Test
    void should_skip_an_added_check_that_needs_the_migrated_database_when_up_apply_fails() throws IOException {
        MigrationFolder.in(dir).file("V1__broken.sql", "CREATE TABLE payments (id bigint CONSTRAINT pk_payments PRIMARY KEY, amount real);\n"
                + "SELECT no_such_function();\n");
        Verifier verifier = withExtension(() -> new Verifier(SharedServer.get()));

        ServiceReport report = verifier.verify(MigrationSetReader.read(dir, "broken"), VerifyOptions.defaults());

        assertThat(report.checks()).filteredOn(c -> c.check().equals("team.no-float-columns")).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("up.apply failed at V1"));
        assertThat(report.findings()).noneMatch(f -> f.check().equals("team.no-float-columns"));
    }

    @Test
    void should_name_an_added_check_with_its_meaning_and_help_in_the_sarif_rules() throws IOException {
        Verifier verifier = withExtension(() -> new Verifier(SharedServer.get()));
        RunReport run = verifier.verifyAll(List.of(new Verifier.Target(payments(), VerifyOptions.defaults())));

        JsonNode rules = JSON.readTree(new SarifReport().render(run)).at("/runs/0/tool/driver/rules");

        assertThat(rules).filteredOn(r -> r.get("id").asText().equals("team.no-float-columns")).singleElement()
                .satisfies(r -> {
                    assertThat(r.at("/shortDescription/text").asText()).isEqualTo("a column holds a floating-point number");
                    assertThat(r.at("/help/text").asText()).startsWith("Proves: no column of the migrated schema");
                });
    }

    @Test
    void should_show_an_added_check_and_its_finding_in_the_text_junit_xml_and_markdown_reports() throws IOException {
        Verifier verifier = withExtension(() -> new Verifier(SharedServer.get()));
        RunReport run = verifier.verifyAll(List.of(new Verifier.Target(payments(), VerifyOptions.defaults())));

        assertThat(TextReport.render(run)).as("text").contains("team.no-float-columns")
                .contains("Column public.payments.amount is double precision");
        for (String format : List.of("junit-xml", "markdown")) {
            assertThat(ReportWriter.byFormat(format).orElseThrow().render(run)).as(format)
                    .contains("team.no-float-columns").contains("Column public.payments.amount is double precision");
        }
    }

    @Test
    void should_explain_an_added_check_with_its_help_text() throws IOException {
        CheckId added = withExtension(Verifier::checkIds).stream().filter(c -> c.id().equals("team.no-float-columns"))
                .findFirst().orElseThrow();

        assertThat(added.meaning()).isEqualTo("a column holds a floating-point number");
        assertThat(added.explanation()).startsWith("Proves: no column of the migrated schema is real or double precision.")
                .contains("Fix: use numeric(12, 2)");
    }

    @Test
    void should_not_run_an_added_check_the_class_path_does_not_list() {
        // the harness's own: the ids of CONTRACT.md and lint (whose findings carry its rules' ids)
        assertThat(Verifier.checkIds()).doesNotContain(NoFloatColumnsCheck.ID).hasSize(CheckId.known().size() + 1)
                .containsAll(CheckId.known()).contains(CheckId.LINT);
    }
}
