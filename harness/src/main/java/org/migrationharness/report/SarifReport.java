package org.migrationharness.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;

/**
 * {@code --report sarif=FILE}: the findings as SARIF 2.1.0, for code scanning (GitHub, GitLab, IDEs). One run; the
 * tool's rules are the check ids of CONTRACT.md with their meaning ({@link CheckId}), plus any other id a finding has
 * ({@code lint.<rule>}, ...); every finding is a result with its {@code ruleId}, a {@code level} from its severity
 * (error, warning, note), its message, and, when it names a file, a location relative to the working directory
 * ({@code uriBaseId} {@code %SRCROOT%}) with the line as {@code region.startLine}. The service and the migration are
 * in the result's {@code properties}.
 */
public final class SarifReport implements ReportWriter {

    /** The JSON schema of SARIF 2.1.0, as OASIS publishes it. */
    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /** A rule for a check not listed yet: its declared help, or a line naming it for an id declared nowhere. */
    private static void addRule(ArrayNode rules, Map<String, Integer> ruleIndex, CheckId check) {
        if (!ruleIndex.containsKey(check.id())) {
            addRule(rules, ruleIndex, check.id(), check.meaning(), check.declared() ? check.explanation()
                    : "migration-harness check " + check.id() + ": " + check.meaning() + ".");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public String render(RunReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", report.tool() == null ? "migration-harness" : report.tool());
        if (report.version() != null) {
            driver.put("version", report.version());
        }
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        for (CheckId check : CheckId.known()) {
            addRule(rules, ruleIndex, check.id(), check.meaning(), check.explanation());
        }
        for (ServiceReport service : report.services()) {
            service.checks().forEach(result -> addRule(rules, ruleIndex, CheckId.of(result.check())));
            service.findings().forEach(finding -> addRule(rules, ruleIndex, CheckId.of(finding.check())));
        }
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%")
                .put("uri", Path.of("").toAbsolutePath().toUri().toString());
        run.putArray("invocations").addObject().put("executionSuccessful",
                report.services().stream().noneMatch(s -> s.status() == ServiceReport.Status.ERROR)
                        && !report.interrupted());
        ArrayNode results = run.putArray("results");
        for (ServiceReport service : report.services()) {
            for (Finding finding : service.findings()) {
                ObjectNode result = results.addObject();
                result.put("ruleId", finding.check());
                result.put("ruleIndex", ruleIndex.get(finding.check()));
                result.put("level", level(finding.severity()));
                result.putObject("message").put("text", finding.message());
                if (finding.file() != null) {
                    ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
                    ObjectNode artifact = physical.putObject("artifactLocation");
                    Path file = Path.of(finding.file());
                    if (file.isAbsolute()) {
                        artifact.put("uri", file.toUri().toString());
                    } else {
                        artifact.put("uri", relativeUri(finding.file()));
                        artifact.put("uriBaseId", "%SRCROOT%");
                    }
                    if (finding.line() != null) {
                        physical.putObject("region").put("startLine", finding.line());
                    }
                }
                ObjectNode properties = result.putObject("properties");
                properties.put("service", service.service());
                if (finding.migration() != null) {
                    properties.put("migration", finding.migration());
                }
            }
        }
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the SARIF report: " + e.getMessage(), e);
        }
    }

    /** A rule: its id, its meaning, and as help what it proves, a failing example and the fix (verify --explain). */
    private static void addRule(ArrayNode rules, Map<String, Integer> index, String id, String meaning, String help) {
        index.put(id, rules.size());
        ObjectNode rule = rules.addObject();
        rule.put("id", id);
        rule.putObject("shortDescription").put("text", meaning);
        rule.putObject("help").put("text", help);
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative path as a relative URI reference: forward slashes, each character a URI cannot hold escaped. */
    static String relativeUri(String path) {
        String slashes = path.replace('\\', '/');
        try {
            return new URI(null, null, slashes, null).toASCIIString();
        } catch (URISyntaxException e) {
            return slashes;
        }
    }
}
