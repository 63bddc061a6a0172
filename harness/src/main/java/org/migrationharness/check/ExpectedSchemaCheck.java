package org.migrationharness.check;

import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.schema.SchemaDiff;
import org.migrationharness.schema.SchemaFiles;

/**
 * {@code schema.expected}: the fully migrated schema equals the committed expectation. SQL text (view definitions,
 * defaults) is rendered by the server and differs between major versions, so a service may commit one expectation per
 * major version: {@code expected-schema.pg15.json} beside {@code expected-schema.json} is used on PostgreSQL 15.
 */
final class ExpectedSchemaCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.SCHEMA_EXPECTED;
    }

    @Override
    public Set<Stage> needs() {
        return Set.of(Stage.MIGRATED);
    }

    @Override
    public String skipReason(CheckContext context) {
        if (context.migrated().skipReason() != null) {
            return context.migrated().skipReason();
        }
        return context.options().expected() == null && !context.options().expectationRequired()
                ? "no expected schema given" : null;
    }

    /** The expectation for this server's major version: {@code X.pgNN.json} when it exists, else {@code X.json}. */
    static Path forVersion(Path expected, int major) {
        String name = expected.getFileName().toString();
        if (name.endsWith(".json")) {
            Path versioned = expected.resolveSibling(name.substring(0, name.length() - 5) + ".pg" + major + ".json");
            if (Files.isRegularFile(versioned)) {
                return versioned;
            }
        }
        return expected;
    }

    @Override
    public void run(CheckContext context) {
        Path configured = context.options().expected();
        if (configured == null || !Files.isRegularFile(configured)) {
            String where = configured == null ? "" : " at " + DisplayPath.of(configured);
            context.report(new Finding(id(), Severity.ERROR, null, configured == null ? null : DisplayPath.of(configured),
                    null, "No expected schema committed for " + context.set().name() + where + ".\n"
                    + "Write one from the migrations with the explicit switch, review it and commit it:\n"
                    + "  java -jar harness/target/migration-harness.jar snapshot --service " + context.set().name()
                    + " --write-expected"));
            return;
        }
        Path expected = forVersion(configured, context.serverMajorVersion());
        String file = DisplayPath.of(expected);
        DiffFindings.of(id(), null, file, SchemaDiff.between(SchemaFiles.read(expected), context.expectationSnapshot()),
                context.set().config().compare(), new DiffFindings.Wording(
                        what -> "The migrated " + what + " differs from " + file, "expected", "actual",
                        "If the migrations are right, rewrite the expectation (snapshot --service "
                                + context.set().name() + " --write-expected) and commit it with them."))
                .forEach(context::report);
    }
}
