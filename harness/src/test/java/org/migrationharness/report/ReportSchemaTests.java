package org.migrationharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import org.migrationharness.Finding;
import org.migrationharness.Severity;

/**
 * The JUnit XML and SARIF reports against the published schemas of their formats: Maven Surefire's
 * {@code surefire-test-report.xsd} (one {@code <testsuite>}: every suite of the {@code <testsuites>} document is checked)
 * and the OASIS {@code sarif-schema-2.1.0.json}. The build unpacks both from Maven artifacts into
 * {@code target/test-classes/report-schemas/} (harness/pom.xml, {@code unpack-report-schemas}).
 */
class ReportSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema junitSchema;
    private static com.networknt.schema.Schema sarifSchema;

    /** Every kind of outcome a report can hold. */
    private static final RunReport RUN = new RunReport("migration-harness", "1.2.3", "17.6", 2500, List.of(
            new ServiceReport("catalog", "flyway", 7, ServiceReport.Status.FAILED,
                    List.of(new CheckResult("up.apply", CheckResult.Status.PASSED, 120, null),
                            new CheckResult("down.leaves-trace", CheckResult.Status.FAILED, 340, null),
                            new CheckResult("naming.object", CheckResult.Status.PASSED, 5, null),
                            new CheckResult("schema.matches-expected", CheckResult.Status.FAILED, 12, null),
                            new CheckResult("seed.load", CheckResult.Status.SKIPPED, 0, "no seeds folder"),
                            new CheckResult("history.modified", CheckResult.Status.SKIPPED, 0, null)),
                    List.of(new Finding("down.leaves-trace", Severity.ERROR, "4",
                                    "service-migrations/catalog/migrations/U4__x.sql", 3,
                                    "after U4 the schema differs from before V4: type <account_tier> & \"x\" is left\n"
                                            + "  - type account_tier"),
                            new Finding("down.leaves-trace", Severity.ERROR, "6", null, null,
                                    "after U6 index ix_a is left behind"),
                            new Finding("schema.matches-expected", Severity.ERROR, null, null, null,
                                    "column accounts.tier is missing"),
                            new Finding("naming.object", Severity.WARNING, "2",
                                    "service-migrations/catalog/migrations/V2__y.sql", 1, "table Orders is not snake_case"),
                            new Finding("lint.add-column-default", Severity.INFO, null, "/abs/dir/V5 x.sql", 2,
                                    "control \u0001 character")),
                    "service-migrations/catalog/harness.yaml"),
            new ServiceReport("billing", "goose", 2, ServiceReport.Status.ERROR,
                    List.of(new CheckResult("up.apply", CheckResult.Status.FAILED, 10, null)),
                    List.of(new Finding("up.apply", Severity.ERROR, null, null, null,
                            "The check could not run: PostgreSQL closed the connection"))),
            new ServiceReport("orders", "flyway", 3, ServiceReport.Status.PASSED,
                    List.of(new CheckResult("up.apply", CheckResult.Status.PASSED, 50, null),
                            new CheckResult("naming.file", CheckResult.Status.PASSED, 1, null)),
                    List.of(new Finding("naming.file", Severity.WARNING, "3",
                            "service-migrations/orders/migrations/V3__Add.sql", null, "file name is not lower case")))),
            true, List.of("shipping"));

    @BeforeAll
    static void loadSchemas() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        junitSchema = factory.newSchema(resource("surefire-test-report.xsd"));
        try (InputStream sarif = resource("sarif-schema-2.1.0.json").openStream()) {
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(sarif);
        }
    }

    @Test
    void should_write_junit_xml_whose_every_suite_the_surefire_report_schema_accepts() throws Exception {
        Document xml = parse(new JunitXmlReport().render(RUN));

        List<Element> suites = junitSuites(xml);
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("catalog", "billing", "orders", "shipping");
        for (Element suite : suites) {
            validateSuite(suite); // throws SAXException with the line and the rule broken
        }
    }

    @Test
    void should_reject_a_junit_suite_the_surefire_report_schema_does_not_allow() throws Exception {
        Document xml = parse(new JunitXmlReport().render(RUN));
        Element catalog = junitSuites(xml).get(0);
        Element testcase = (Element) catalog.getElementsByTagName("testcase").item(0);
        testcase.removeAttribute("time"); // required by the schema
        catalog.setAttribute("time", "0,465"); // not an xs:float

        assertThatThrownBy(() -> validateSuite(catalog)).isInstanceOf(SAXException.class);
    }

    @Test
    void should_write_sarif_that_the_oasis_sarif_2_1_0_schema_accepts() throws Exception {
        String sarif = new SarifReport().render(RUN);

        List<com.networknt.schema.Error> errors = sarifSchema.validate(JSON.readTree(sarif));

        assertThat(errors).extracting(com.networknt.schema.Error::toString).isEmpty();
        // the document holds what the schema was asked about: results with and without a location
        JsonNode results = JSON.readTree(sarif).path("runs").path(0).path("results");
        assertThat(results).hasSizeGreaterThanOrEqualTo(6);
        assertThat(results.findValues("locations")).isNotEmpty();
    }

    @Test
    void should_write_sarif_of_a_run_with_no_finding_that_the_schema_accepts() throws Exception {
        RunReport clean = new RunReport("migration-harness", "1.2.3", "15.14", 10, List.of(
                new ServiceReport("orders", "flyway", 1, ServiceReport.Status.PASSED,
                        List.of(new CheckResult("up.apply", CheckResult.Status.PASSED, 5, null)), List.of())));

        assertThat(sarifSchema.validate(JSON.readTree(new SarifReport().render(clean))))
                .extracting(com.networknt.schema.Error::toString).isEmpty();
    }

    @Test
    void should_reject_a_sarif_log_the_schema_does_not_allow() throws Exception {
        ObjectNode sarif = (ObjectNode) JSON.readTree(new SarifReport().render(RUN));
        ObjectNode result = (ObjectNode) sarif.path("runs").path(0).path("results").path(0);
        result.put("level", "fatal"); // not one of none, note, warning, error
        sarif.put("version", "2.0.0"); // the schema allows only 2.1.0

        List<com.networknt.schema.Error> errors = sarifSchema.validate(sarif);

        assertThat(errors).extracting(com.networknt.schema.Error::toString)
                .anySatisfy(e -> assertThat(e).contains("level"))
                .anySatisfy(e -> assertThat(e).contains("version"));
    }

    private static void validateSuite(Element suite) throws SAXException, IOException {
        Validator validator = junitSchema.newValidator();
        validator.validate(new DOMSource(standalone(suite)));
    }

    /** The suite as a document of its own, as the schema describes one report file. */
    private static Document standalone(Element suite) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            doc.appendChild(doc.importNode(suite, true));
            return doc;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code <testsuite>} elements of the document, after checking that the root holds nothing else. */
    private static List<Element> junitSuites(Document xml) throws Exception {
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        List<Element> suites = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                assertThat(((Element) n).getTagName()).as(print(root)).isEqualTo("testsuite");
                suites.add((Element) n);
            }
        }
        return suites;
    }

    private static String print(Node node) throws Exception {
        StringWriter out = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.transform(new DOMSource(node), new StreamResult(out));
        return out.toString();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static URL resource(String name) {
        URL url = ReportSchemaTests.class.getResource("/report-schemas/" + name);
        assertThat(url).as("report-schemas/" + name + " (unpacked by the build: mvn generate-test-resources)").isNotNull();
        return url;
    }
}
