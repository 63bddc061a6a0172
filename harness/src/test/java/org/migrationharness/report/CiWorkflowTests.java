package org.migrationharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The composite action ({@code action.yml}) and the repository's CI ({@code .github/workflows/ci.yml}): they parse as
 * YAML, the action writes and publishes every report format, and the pull-request job has the history that
 * {@code --changed-since} needs.
 */
class CiWorkflowTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PINNED = Pattern.compile("^(\\./|[\\w.-]+/[\\w./-]+@v\\d+(\\.\\d+)*$)");

    private static Path root() {
        return Path.of(System.getProperty("harness.repository.root", ".."));
    }

    private static JsonNode read(String file) throws IOException {
        Path path = root().resolve(file);
        assertThat(path).as("the repository root: -Dharness.repository.root").exists();
        return YAML.readTree(Files.readString(path));
    }

    @Test
    void should_write_every_report_format_in_the_action_and_publish_them() throws IOException {
        JsonNode steps = read("action.yml").path("runs").path("steps");
        JsonNode verify = step(steps, "verify");

        String run = verify.path("run").asText();
        for (String format : ReportWriter.formats()) {
            assertThat(run).as("the verify step writes " + format).contains("--report " + format + "=");
        }
        assertThat(uses(steps)).contains("github/codeql-action/upload-sarif@v3", "actions/upload-artifact@v4",
                "actions/setup-java@v4");
        assertThat(steps.toString()).contains("GITHUB_STEP_SUMMARY").contains("verify.xml");
        assertThat(read("action.yml").path("runs").path("using").asText()).isEqualTo("composite");
    }

    @Test
    void should_pin_every_action_of_the_action_and_of_ci_to_a_version() throws IOException {
        List<String> uses = new ArrayList<>(uses(read("action.yml").path("runs").path("steps")));
        read(".github/workflows/ci.yml").path("jobs").forEach(job -> uses.addAll(uses(job.path("steps"))));

        assertThat(uses).isNotEmpty().allSatisfy(u -> assertThat(u).matches(PINNED));
    }

    @Test
    void should_verify_pull_requests_since_their_base_with_the_whole_history() throws IOException {
        JsonNode ci = read(".github/workflows/ci.yml");
        JsonNode steps = ci.path("jobs").path("pull-request").path("steps");

        JsonNode checkout = steps.path(0);
        assertThat(checkout.path("uses").asText()).isEqualTo("actions/checkout@v4");
        assertThat(checkout.path("with").path("fetch-depth").asInt(-1)).isZero();
        JsonNode verify = step(steps, "./");
        assertThat(verify.path("with").path("args").asText())
                .contains("--changed-since origin/${{ github.base_ref }}");
        assertThat(ci.path("jobs").path("verify").path("strategy").path("matrix").path("postgres"))
                .extracting(JsonNode::asInt).containsExactly(15, 16, 17);
    }

    /** The step whose id or {@code uses} is the given one. */
    private static JsonNode step(JsonNode steps, String idOrUses) {
        for (JsonNode step : steps) {
            if (idOrUses.equals(step.path("id").asText()) || idOrUses.equals(step.path("uses").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step " + idOrUses + " in " + steps);
    }

    private static List<String> uses(JsonNode steps) {
        List<String> uses = new ArrayList<>();
        steps.forEach(step -> {
            if (step.has("uses")) {
                uses.add(step.path("uses").asText());
            }
        });
        return uses;
    }
}
