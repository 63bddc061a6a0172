package org.migrationharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report formats of {@code verify --report FORMAT=FILE}, on reports built by hand. */
class ReportWriterTests {

    @TempDir
    Path tmp;

    private static final String TRACE = "after U4 the schema differs from before V4: type <account_tier> & \"x\" is left behind\n"
            + "  - type account_tier\n  - column accounts.tier";

    private static final ServiceReport CATALOG = new ServiceReport("catalog", "flyway", 7, ServiceReport.Status.FAILED,
            List.of(new CheckResult("up.apply", CheckResult.Status.PASSED, 120, null),
                    new CheckResult("down.leaves-trace", CheckResult.Status.FAILED, 340, null),
                    new CheckResult("naming.object", CheckResult.Status.PASSED, 5, null),
                    new CheckResult("seed.load", CheckResult.Status.SKIPPED, 0, "no seeds folder"),
                    new CheckResult("idempotency.seed", CheckResult.Status.SKIPPED, 0, "no seeds folder")),
            List.of(new Finding("down.leaves-trace", Severity.ERROR, "4",
                            "service-migrations/catalog/migrations/U4__x.sql", 3, TRACE),
                    new Finding("down.leaves-trace", Severity.ERROR, "6", null, null, "after U6 index ix_a is left behind"),
                    new Finding("naming.object", Severity.WARNING, "2", "service-migrations/catalog/migrations/V2__y.sql",
                            1, "table Orders is not snake_case"),
                    new Finding("lint.add-column-default", Severity.INFO, null, "/abs/dir/V5 x.sql", 2,
                            "control \u0001 character")));

    private static final ServiceReport BILLING = new ServiceReport("billing", "goose", 2, ServiceReport.Status.ERROR,
            List.of(new CheckResult("up.apply", CheckResult.Status.FAILED, 10, null)),
            List.of(new Finding("up.apply", Severity.ERROR, null, null, null,
                    "The check could not run: PostgreSQL closed the connection")));

    private static final ServiceReport ORDERS = new ServiceReport("orders", "flyway", 3, ServiceReport.Status.PASSED,
            List.of(new CheckResult("up.apply", CheckResult.Status.PASSED, 50, null)), List.of());

    private static final RunReport RUN = new RunReport("migration-harness", "1.2.3", "17.6", 2500,
            List.of(CATALOG, BILLING, ORDERS));

    @Test
    void should_find_every_format_through_the_seam_and_no_other() {
        assertThat(ReportWriter.formats()).containsExactly("json", "junit-xml", "markdown", "sarif");
        assertThat(ReportWriter.byFormat("junit-xml")).get().isInstanceOf(JunitXmlReport.class);
        assertThat(ReportWriter.byFormat("html")).isEmpty();
    }

    @Test
    void should_write_junit_xml_with_a_suite_per_service_and_a_test_case_per_check_and_failing_migration() throws Exception {
        Document xml = parse(new JunitXmlReport().render(RUN));

        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        List<Element> suites = children(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("catalog", "billing", "orders");
        Element catalog = suites.get(0);
        assertThat(catalog.getAttribute("tests")).isEqualTo("6");
        assertThat(catalog.getAttribute("failures")).isEqualTo("2");
        assertThat(catalog.getAttribute("errors")).isEqualTo("0");
        assertThat(catalog.getAttribute("skipped")).isEqualTo("2");
        assertThat(catalog.getAttribute("time")).isEqualTo("0.465");
        List<Element> cases = children(catalog, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly("up.apply", "down.leaves-trace [4]",
                "down.leaves-trace [6]", "naming.object", "seed.load", "idempotency.seed");
        assertThat(cases).allSatisfy(c -> assertThat(c.getAttribute("classname")).isEqualTo("catalog"));

        Element failure = children(cases.get(1), "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("down.leaves-trace");
        assertThat(failure.getAttribute("message"))
                .isEqualTo("after U4 the schema differs from before V4: type <account_tier> & \"x\" is left behind");
        assertThat(failure.getTextContent()).contains("service-migrations/catalog/migrations/U4__x.sql:3: " + TRACE
                .replace("\n", "\n    "));
        assertThat(cases.get(1).getAttribute("time")).isEqualTo("0.340");
        assertThat(cases.get(2).getAttribute("time")).isEqualTo("0.000");
        assertThat(children(cases.get(3), "failure")).isEmpty();
        assertThat(children(cases.get(3), "system-out").get(0).getTextContent())
                .contains("WARNING naming.object service-migrations/catalog/migrations/V2__y.sql:1: table Orders");
        assertThat(children(cases.get(4), "skipped").get(0).getAttribute("message")).isEqualTo("no seeds folder");

        Element billing = suites.get(1);
        assertThat(billing.getAttribute("errors")).isEqualTo("1");
        Element error = children(children(billing, "testcase").get(1), "error").get(0);
        assertThat(error.getTextContent()).contains("PostgreSQL closed the connection");
        assertThat(root.getAttribute("tests")).isEqualTo("9");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
    }

    @Test
    void should_keep_junit_xml_well_formed_whatever_characters_a_message_holds() throws Exception {
        Finding odd = new Finding("lint.x", Severity.ERROR, "1", null, null, "]]> </failure> \u0000\u001b[31m &amp; \uD83D\uDE00");
        RunReport run = new RunReport("migration-harness", "1", "17.6", 1, List.of(new ServiceReport("s", "flyway", 1,
                ServiceReport.Status.FAILED, List.of(new CheckResult("lint.x", CheckResult.Status.FAILED, 1, null)),
                List.of(odd))));

        Element failure = (Element) parse(new JunitXmlReport().render(run)).getElementsByTagName("failure").item(0);

        assertThat(failure.getAttribute("message")).isEqualTo("]]> </failure> \uFFFD\uFFFD[31m &amp; \uD83D\uDE00");
    }

    @Test
    void should_write_sarif_2_1_0_with_the_check_ids_as_rules_and_each_finding_a_result() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(new SarifReport().render(RUN));

        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).isEqualTo(SarifReport.SCHEMA).endsWith("sarif-schema-2.1.0.json");
        assertThat(sarif.get("runs")).hasSize(1);
        JsonNode run = sarif.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("migration-harness");
        assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
        List<String> rules = new ArrayList<>();
        driver.get("rules").forEach(rule -> {
            rules.add(rule.get("id").asText());
            assertThat(rule.get("shortDescription").get("text").asText()).isNotBlank();
        });
        assertThat(rules).contains("up.apply", "down.leaves-trace", "schema.expected", "lint.add-column-default")
                .doesNotHaveDuplicates();
        assertThat(driver.get("rules").get(rules.indexOf("down.leaves-trace")).get("shortDescription").get("text")
                .asText()).isEqualTo(CheckId.DOWN_LEAVES_TRACE.meaning());
        assertThat(driver.get("rules").get(rules.indexOf("down.leaves-trace")).get("help").get("text").asText())
                .as("the rule's help is verify --explain's text").isEqualTo(CheckId.DOWN_LEAVES_TRACE.explanation());

        JsonNode results = run.get("results");
        assertThat(results).hasSize(5);
        results.forEach(result -> {
            assertThat(rules).contains(result.get("ruleId").asText());
            assertThat(rules.get(result.get("ruleIndex").asInt())).isEqualTo(result.get("ruleId").asText());
            assertThat(result.get("level").asText()).isIn("error", "warning", "note");
            assertThat(result.get("message").get("text").asText()).isNotBlank();
        });
        JsonNode trace = results.get(0);
        assertThat(trace.get("ruleId").asText()).isEqualTo("down.leaves-trace");
        assertThat(trace.get("level").asText()).isEqualTo("error");
        assertThat(trace.get("message").get("text").asText()).isEqualTo(TRACE);
        JsonNode location = trace.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText())
                .isEqualTo("service-migrations/catalog/migrations/U4__x.sql");
        assertThat(location.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(3);
        assertThat(trace.get("properties").get("service").asText()).isEqualTo("catalog");
        assertThat(trace.get("properties").get("migration").asText()).isEqualTo("4");
        assertThat(results.get(1).has("locations")).isFalse();
        assertThat(results.get(2).get("level").asText()).isEqualTo("warning");
        JsonNode outside = results.get(3);
        assertThat(outside.get("level").asText()).isEqualTo("note");
        assertThat(outside.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("file:///abs/dir/V5%20x.sql");
        assertThat(run.get("invocations").get(0).get("executionSuccessful").asBoolean()).isFalse();
    }

    @Test
    void should_give_sarif_uris_relative_to_the_working_directory_with_forward_slashes_and_escapes() {
        assertThat(SarifReport.relativeUri("sets\\my set/V1__a.sql")).isEqualTo("sets/my%20set/V1__a.sql");
    }

    @Test
    void should_write_a_markdown_summary_with_a_row_per_service_and_the_findings_of_failed_services() {
        String markdown = new MarkdownReport().render(RUN);

        assertThat(markdown).startsWith("## migration-harness: 2 of 3 service(s) failed\n\n"
                + "3 service(s), PostgreSQL 17.6, 2.5 s, migration-harness 1.2.3.\n\n"
                + "| service | format | migrations | status | findings |  time |\n"
                + "| ------- | ------ | ---------: | ------ | -------: | ----: |\n"
                + "| catalog | flyway |          7 | failed |        4 | 0.5 s |\n"
                + "| billing | goose  |          2 | error  |        1 | 0.0 s |\n"
                + "| orders  | flyway |          3 | passed |        0 | 0.1 s |\n");
        assertThat(markdown).contains("\n### catalog: failed\n\n"
                + "- **down.leaves-trace** `service-migrations/catalog/migrations/U4__x.sql:3` — after U4 the schema "
                + "differs from before V4: type \\<account_tier> & \"x\" is left behind  \n"
                + "    - type account_tier  \n"
                + "    - column accounts.tier\n"
                + "- **down.leaves-trace** (migration 4)".replace("4)", "6)") + " — after U6 index ix_a is left behind\n"
                + "- **naming.object** (warning) `service-migrations/catalog/migrations/V2__y.sql:1` — table Orders is "
                + "not snake_case\n");
        assertThat(markdown).contains("\n### billing: error\n\n- **up.apply** — The check could not run: PostgreSQL "
                + "closed the connection\n");
        assertThat(markdown).doesNotContain("### orders");
        assertThat(markdown).endsWith("\n### Skipped checks\n\n- catalog: seed.load, idempotency.seed — no seeds folder\n");
    }

    @Test
    void should_say_every_service_passed_in_the_markdown_heading() {
        RunReport passed = new RunReport("migration-harness", "1", "16.4", 10, List.of(ORDERS));

        assertThat(new MarkdownReport().render(passed)).startsWith("## migration-harness: the service passed\n")
                .doesNotContain("###");
    }

    @Test
    void should_write_each_format_to_its_file_and_not_create_a_missing_folder() throws Exception {
        for (String format : ReportWriter.formats()) {
            ReportWriter writer = ReportWriter.byFormat(format).orElseThrow();
            Path file = tmp.resolve(writer.exampleFile());
            writer.write(RUN, file);
            assertThat(Files.readString(file)).isEqualTo(writer.render(RUN));

            Path missing = tmp.resolve("missing").resolve(writer.exampleFile());
            assertThatThrownBy(() -> writer.write(RUN, missing))
                    .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT))
                    .hasMessageStartingWith("Cannot write the " + format + " report to " + missing + ": its folder");
        }
        assertThat(tmp.resolve("missing")).doesNotExist();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }
}
