package org.migrationharness.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.migrationharness.apply.Migrator;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.postgres.PostgresSettings;
import org.migrationharness.schema.SchemaFiles;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.source.MigrationSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code snapshot}: migrates each selected set on a fresh database and writes its schema in the expectation format
 * ({@link SchemaFiles}): to stdout, to {@code --output FILE}, or with {@code --write-expected} to each service's
 * committed {@code expected-schema.json}.
 */
@HelpColumn(25)
@Command(name = "snapshot",
        header = {"migrate on a fresh database and write the schema as JSON, or a service's expected-schema.json",
            "(snapshot --help for its options)"},
        customSynopsis = "java -jar migration-harness.jar snapshot (--all | --service NAME... | --migrations DIR) [options]",
        description = "Migrates the selection on a fresh database and writes its schema in the format --expected reads.")
final class SnapshotCommand implements Callable<Integer> {

    @Mixin
    Selection selection = new Selection();

    @Option(names = "--version", paramLabel = "V",
            description = "migrate up to and including version V (default: every migration)")
    String version;

    @Option(names = "--format", paramLabel = "F", description = {
        "auto (default: harness.yaml's format:, else detected from the files), flyway,",
        "golang-migrate, sectioned, timestamped"})
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = {
        "write the snapshot there (default: stdout); one migration set only; its",
        "folder must exist (checked before the server starts)"})
    String output;

    @Option(names = "--write-expected", arity = "0", description = {
        "write each selected service's service-migrations/<service>/expected-schema.json",
        "(expected-schema.pgNN.json on a major version other than 17)"})
    boolean writeExpected;

    @Mixin
    PostgresOptions postgres = new PostgresOptions();

    @Option(names = "--help", usageHelp = true, hidden = true, description = "print this help")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;

    SnapshotCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (writeExpected && output != null) {
            throw Main.usage("snapshot", "--output and --write-expected both say where to write; give one of them.");
        }
        if (writeExpected && !selection.folders.isEmpty()) {
            throw Main.usage("snapshot", "--write-expected writes a service's committed expected-schema.json, but "
                    + "--migrations DIR is not a service.\nUse --output FILE for a folder of migrations, or select "
                    + "services with --service NAME or --all.");
        }
        List<Selection.Entry> entries = selection.resolve("snapshot", format, postgres);
        if (!writeExpected && entries.size() > 1) {
            throw Main.usage("snapshot", entries.size() + " migration sets are selected, but "
                    + (output != null ? "--output FILE" : "stdout") + " holds one snapshot.\n"
                    + "Select one with --service NAME, or write each service's expectation with --write-expected.");
        }
        // a path that cannot be written fails now, not after the migrations ran
        Path outputFile = output != null ? OutputFile.check("--output", output, "schema.json") : null;
        PostgresSettings settings = postgres.settings();
        err.println("Starting PostgreSQL (" + settings.backend().id() + ") ...");
        try (PostgresServer server = PostgresServer.start(settings); SlowScriptNotice slow = SlowScriptNotice.watch(err)) {
            Selection.started(server, err);
            for (Selection.Entry entry : entries) {
                List<MigrationSet> dependencies = entry.repository() == null ? List.of()
                        : entry.repository().dependencies(entry.set());
                SchemaSnapshot snapshot = snapshot(server, entry.set(), dependencies, version);
                if (writeExpected) {
                    writeExpected(entry, snapshot, server.majorVersion());
                } else if (outputFile != null) {
                    SchemaFiles.write(snapshot, outputFile);
                    err.println("Wrote the schema of " + entry.set().name() + " to " + DisplayPath.of(outputFile) + ".");
                } else {
                    out.print(SchemaFiles.toJson(snapshot));
                }
            }
        }
        return 0;
    }

    private SchemaSnapshot snapshot(PostgresServer server, MigrationSet set, List<MigrationSet> dependencies,
                                    String version) {
        Database database = server.createDatabase(set.name());
        try {
            for (MigrationSet dependency : dependencies) {
                new Migrator(dependency, database).migrateAll(); // the service's database starts with them
            }
            Migrator migrator = new Migrator(set, database);
            if (version == null) {
                migrator.migrateAll();
            } else {
                migrator.migrateTo(version);
            }
            return SchemaReader.read(database, set.config().schemas(), migrator.bookkeepingTables());
        } finally {
            server.dropDatabase(database);
        }
    }

    /**
     * Writes {@code expected-schema.json} on the default major version, {@code expected-schema.pgNN.json} on another:
     * the server renders SQL text (view definitions) differently per major version.
     */
    private void writeExpected(Selection.Entry entry, SchemaSnapshot snapshot, int major) {
        Path file = entry.repository().expectedSchema(entry.service());
        String json = SchemaFiles.toJson(snapshot);
        if (major != PostgresSettings.DEFAULT_VERSION) {
            Path versioned = file.resolveSibling("expected-schema.pg" + major + ".json");
            if (!Files.exists(versioned) && Files.isRegularFile(file) && json.equals(read(file))) {
                err.println("Unchanged: " + DisplayPath.of(file) + " holds this schema on PostgreSQL " + major
                        + " too; no " + versioned.getFileName() + " is needed.");
                return;
            }
            file = versioned;
        }
        String previous = Files.isRegularFile(file) ? read(file) : null;
        if (json.equals(previous)) {
            err.println("Unchanged: " + DisplayPath.of(file) + " already holds this schema.");
            return;
        }
        SchemaFiles.write(snapshot, file);
        err.println((previous == null ? "Wrote " : "Replaced ") + DisplayPath.of(file)
                + ". Review it and commit it with the migrations.");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
