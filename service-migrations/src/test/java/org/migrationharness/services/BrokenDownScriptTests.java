package org.migrationharness.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.migrationharness.cli.Main;
import org.migrationharness.source.Repository;

/**
 * The harness catches a real service's down script that lost one statement: each case copies the service (and a
 * healthy neighbour) into a repository of its own, deletes exactly one {@code DROP ...;} from one down script,
 * runs {@code verify --all} through the CLI and reads the JSON report.
 */
class BrokenDownScriptTests {

    /** A healthy service copied beside the broken one: its result must not change. */
    private static final String NEIGHBOUR = "review";

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> brokenDownScripts() {
        return Stream.of(
                arguments("catalog", "20240101120000_create_enums_brands_categories/down.sql",
                        "DROP TYPE IF EXISTS catalog_service.post_status;", "down.leaves-trace", "20240101120000",
                        "post_status"),
                arguments("catalog", "20240105120000_add_review_rating_and_price_checks_and_fk_indexes/down.sql",
                        "DROP INDEX IF EXISTS catalog_service.idx_categories_parent_id;", "down.leaves-trace",
                        "20240105120000",
                        "idx_categories_parent_id"),
                arguments("order", "U2__add_order_defaults_checks_and_number_sequence.sql",
                        "DROP SEQUENCE IF EXISTS order_service.order_number_seq;", "down.leaves-trace", "2",
                        "order_number_seq"),
                // refunds references payments: without its DROP, U1 fails on the next statement (DROP TABLE payments)
                arguments("payment", "U1__create_payments_transactions_refunds.sql",
                        "DROP TABLE IF EXISTS payment_service.refunds;", "down.apply", "1", "payments"),
                arguments("shipping", "U1__create_carriers_shipments_tracking_events.sql",
                        "DROP FUNCTION IF EXISTS shipping_service.set_updated_at();", "down.leaves-trace", "1",
                        "set_updated_at"));
    }

    @ParameterizedTest(name = "{0}: without ''{2}'' in {1}, verify reports {3} for {4}")
    @MethodSource("brokenDownScripts")
    void should_report_the_broken_down_script_of_one_service_only(String service, String downScript, String statement,
                                                                 String expectedCheck, String version, String object,
                                                                 @TempDir Path root) throws IOException {
        copyService(service, root);
        copyService(NEIGHBOUR, root);
        deleteStatement(root.resolve(Repository.SERVICES).resolve(service).resolve("migrations").resolve(downScript),
                statement);
        Path reportFile = root.resolve("report.json");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = withRepositoryRoot(root, () -> Main.run(new String[] {"verify", "--all", "--postgres", "embedded",
                "--report-json", reportFile.toString()}, print(out), print(err)));

        assertThat(exitCode).as("exit code; stderr:%n%s%nstdout:%n%s", text(err), text(out)).isEqualTo(1);
        JsonNode report = JSON.readTree(reportFile.toFile());
        JsonNode broken = serviceReport(report, service);
        assertThat(broken.path("status").asText()).isEqualTo("failed");
        List<JsonNode> findings = list(broken.path("findings"));
        assertThat(findings)
                .as("findings of %s:%n%s", service, broken.path("findings").toPrettyString())
                .anySatisfy(finding -> {
                    assertThat(finding.path("check").asText()).isEqualTo(expectedCheck);
                    assertThat(finding.path("severity").asText()).isEqualTo("error");
                    assertThat(finding.path("migration").asText()).isEqualTo(version);
                    // shown relative to the working directory, which is not the copied repository here
                    assertThat(Path.of(finding.path("file").asText()))
                            .endsWith(Path.of(Repository.SERVICES, service, "migrations", downScript));
                    assertThat(finding.path("message").asText()).contains(object);
                });
        assertThat(findings).as("every finding of %s is about migration %s", service, version)
                .allSatisfy(finding -> assertThat(finding.path("migration").isNull()
                        || finding.path("migration").isMissingNode()
                        || finding.path("migration").asText().equals(version)).isTrue());

        JsonNode neighbour = serviceReport(report, NEIGHBOUR);
        assertThat(neighbour.path("status").asText()).isEqualTo("passed");
        assertThat(list(neighbour.path("findings")))
                .noneSatisfy(finding -> assertThat(finding.path("severity").asText()).isEqualTo("error"));
    }

    private static void copyService(String service, Path root) throws IOException {
        Path source = Repository.locate().serviceFolder(service);
        Path target = root.resolve(Repository.SERVICES).resolve(service);
        Files.createDirectories(target.resolve("migrations"));
        Files.copy(source.resolve("harness.yaml"), target.resolve("harness.yaml"));
        Files.copy(source.resolve(Repository.EXPECTED_SCHEMA), target.resolve(Repository.EXPECTED_SCHEMA));
        // recursively: a Prisma set (catalog) holds one folder per migration
        Path migrations = source.resolve("migrations");
        try (Stream<Path> files = Files.walk(migrations)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve("migrations").resolve(migrations.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    /** Removes the line holding exactly {@code statement}, which must occur once. */
    private static void deleteStatement(Path script, String statement) throws IOException {
        List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        assertThat(lines).as("lines of %s", script.getFileName()).containsOnlyOnce(statement);
        List<String> kept = new ArrayList<>(lines);
        kept.remove(statement);
        Files.write(script, kept, StandardCharsets.UTF_8);
    }

    private interface Run {
        int run();
    }

    /** Repository.locate() reads this property; the build sets it to the real repository, restored afterwards. */
    private static int withRepositoryRoot(Path root, Run run) {
        String previous = System.getProperty("harness.repository.root");
        System.setProperty("harness.repository.root", root.toString());
        try {
            return run.run();
        } finally {
            if (previous == null) {
                System.clearProperty("harness.repository.root");
            } else {
                System.setProperty("harness.repository.root", previous);
            }
        }
    }

    private static JsonNode serviceReport(JsonNode report, String service) {
        return list(report.path("services")).stream()
                .filter(s -> s.path("service").asText().equals(service))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No service " + service + " in the report:\n" + report.toPrettyString()));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }

}
