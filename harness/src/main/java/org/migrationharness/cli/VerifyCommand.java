package org.migrationharness.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.check.HistoryBase;
import org.migrationharness.check.VerifyListener;
import org.migrationharness.check.VerifyOptions;
import org.migrationharness.check.Verifier;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.postgres.PostgresSettings;
import org.migrationharness.report.CheckId;
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.RunReport;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.report.TextReport;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.source.Repository;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code verify}: every check on the selected services or folders, on one server.
 *
 * <p>An option is a field with its {@code @Option} (declared where it goes in the help; one description element per
 * help line) and, where its value needs checking, a method that reads it, called by {@link #call()} before any server
 * starts. A new option needs a row in README.md's table of verify's options ({@code HelpAndReadmeTests}).
 */
@HelpColumn(25)
@Command(name = "verify",
        header = {"apply every migration up, check names, versions, down scripts, the schema and seeds",
            "(verify --help for its options)"},
        customSynopsis = "java -jar migration-harness.jar verify (--all | --service NAME... | --migrations DIR...) [options]")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    Selection selection = new Selection();

    @Option(names = "--format", paramLabel = "F", description = {
        "auto (default: harness.yaml's format:, else detected from the files), flyway,",
        "golang-migrate, sectioned, timestamped"})
    String format;

    @Option(names = "--expected", paramLabel = "FILE",
            description = "expected schema to compare with (default for a service: its expected-schema.json)")
    Path expected;

    @Option(names = "--seeds", paramLabel = "DIR",
            description = "seed fixtures: DIR/<environment>/ (default for a service: seeds/<service>/)")
    Path seeds;

    @Option(names = "--env", paramLabel = "E",
            description = "seed environment to load (repeatable; default: every one present)")
    List<String> environments = new ArrayList<>();

    @Option(names = "--base-dir", paramLabel = "DIR", description = {
        "the base the history checks (history.modified, history.out-of-order) compare",
        "with: for --migrations X, the base's version of X; for --service/--all, the",
        "root of a checkout of the repository at the base (without it: skipped)"})
    Path baseDir;

    @Mixin
    PostgresOptions postgres = new PostgresOptions();

    @Option(names = "--report", paramLabel = "FORMAT=FILE", description = {
        "write a report there (repeatable); FORMAT: json, junit-xml, sarif (2.1.0),",
        "markdown; its folder must exist (checked before the run)"})
    List<String> reports = new ArrayList<>();

    @Option(names = "--report-json", paramLabel = "FILE", description = "the same as --report json=FILE")
    List<String> reportJson = new ArrayList<>();

    @Option(names = "--jobs", paramLabel = "N", description = {
        "services verified at a time, each in databases of its own (default: the number",
        "of processors; 1: one after another); progress and reports keep selection order"})
    String jobs;

    @Option(names = "--explain", paramLabel = "CHECK",
            description = "print what a check proves, a failing example and the fix, then exit")
    String explain;

    @Option(names = "--help", usageHelp = true, hidden = true, description = "print this help")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;

    VerifyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (explain != null) {
            return explain(explain);
        }
        int jobs = jobs();
        List<Verifier.Target> targets = select();
        // a path that cannot be written fails now, not after the whole run
        ReportTargets reports = ReportTargets.of(reportJson, this.reports);
        PostgresSettings settings = postgres.settings();
        err.println("Starting PostgreSQL (" + settings.backend().id() + ") ...");
        try (PostgresServer server = PostgresServer.start(settings); SlowScriptNotice slow = SlowScriptNotice.watch(err)) {
            Selection.started(server, err);
            RunReport report = new Verifier(server, new Progress(err)).verifyAll(targets, jobs);
            out.print(TextReport.render(report));
            reports.write(report);
            if (report.services().stream().anyMatch(s -> s.status() == ServiceReport.Status.ERROR)) {
                return ErrorCode.ENVIRONMENT.exitCode();
            }
            return report.failed() ? 1 : 0;
        }
    }

    /** {@code --jobs N}: at least 1; by default the number of processors. */
    private int jobs() {
        if (jobs == null) {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        String value = jobs.strip();
        int count;
        try {
            count = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1) {
            throw Main.usage("verify", "--jobs takes how many services to verify at a time: a whole number of at least 1"
                    + " (1 verifies them one after another), not '" + value + "'.");
        }
        return count;
    }

    /** {@code --explain CHECK}: the check's explanation on stdout. */
    private int explain(String id) {
        CheckId check = Verifier.checkIds().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> Main.usage("verify", "--explain: no check " + id + ". The checks: "
                        + Verifier.checkIds().stream().map(CheckId::id).collect(java.util.stream.Collectors.joining(", "))
                        + "."));
        out.println(check.id() + ": " + check.meaning());
        out.println();
        out.print(check.explanation());
        return 0;
    }

    private List<Verifier.Target> select() {
        List<Selection.Entry> entries = selection.resolve("verify", format, postgres);
        if (expected != null && entries.size() > 1) {
            throw Main.usage("verify", "--expected names one expected schema, but " + entries.size()
                    + " migration sets are selected. Verify them one at a time.");
        }
        Path baseDir = baseDir(entries);
        List<Verifier.Target> targets = new ArrayList<>();
        for (Selection.Entry entry : entries) {
            VerifyOptions options;
            if (entry.service() != null) {
                Repository repository = entry.repository();
                Path serviceExpected = expected != null ? expected : repository.expectedSchema(entry.service());
                Path serviceSeeds = seeds != null ? seeds : repository.seeds(entry.service()).orElse(null);
                options = new VerifyOptions(serviceExpected, true, serviceSeeds, environments,
                        repository.dependencies(entry.set()));
            } else {
                options = new VerifyOptions(expected, expected != null, seeds, environments);
            }
            if (baseDir != null) {
                options = options.withBase(base(baseDir, entry));
            }
            targets.add(new Verifier.Target(entry.set(), options));
        }
        return targets;
    }

    /**
     * {@code --base-dir DIR}, checked: it must exist, and name one folder's base ({@code --migrations X}) or a
     * repository checkout ({@code --service}, {@code --all}), not both at once.
     */
    private Path baseDir(List<Selection.Entry> entries) {
        if (baseDir == null) {
            return null;
        }
        Path dir = baseDir;
        if (!Files.isDirectory(dir)) {
            throw new HarnessException(ErrorCode.INPUT, "No base folder at " + DisplayPath.of(dir) + " (from --base-dir).\n"
                    + "Give the base's version of the migrations folder (with --migrations) or the root of a checkout of"
                    + " the repository at the base (with --service or --all), e.g. from git worktree add.");
        }
        long folders = entries.stream().filter(e -> e.service() == null).count();
        if (folders > 0 && (folders > 1 || entries.size() > 1)) {
            throw Main.usage("verify", "--base-dir names the base of one --migrations folder, or a repository checkout"
                    + " for --service/--all, but " + entries.size() + " migration sets are selected, " + folders
                    + " of them by --migrations. Verify such a folder on its own with its --base-dir.");
        }
        return dir;
    }

    /**
     * The base of one selected set, read by the same reader in the same format: a folder's base is {@code --base-dir}
     * itself; a service's is its folder at the same place under the checkout, or none (a new service).
     */
    private static HistoryBase base(Path dir, Selection.Entry entry) {
        Path folder = dir;
        if (entry.service() != null) {
            Path service = entry.repository().serviceFolder(entry.service()).toAbsolutePath().normalize();
            folder = dir.resolve(entry.repository().root().toAbsolutePath().normalize().relativize(service).toString());
            if (!Files.isDirectory(folder)) {
                return new HistoryBase(folder, null);
            }
        }
        try {
            return new HistoryBase(folder, MigrationSetReader.read(folder, entry.set().name(), entry.set().format()));
        } catch (HarnessException e) {
            throw new HarnessException(e.code(), "The base " + DisplayPath.of(folder) + " (from --base-dir) cannot be"
                    + " read as " + entry.set().format() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Progress on stderr: one line per check as it finishes. With several jobs the verifier passes the services in
     * selection order, one at a time, so that one service's lines stay together.
     */
    private static final class Progress implements VerifyListener {

        private final PrintStream err;

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void serviceStarted(String service, String format, int migrations) {
            err.println("== " + service + " (" + format + ", " + migrations + " migrations)");
        }

        @Override
        public void checkFinished(String service, CheckResult result) {
            err.printf(Locale.ROOT, "   %-24s %-7s %6d ms%s%n", result.check(), result.status().id(), result.durationMs(),
                    result.reason() == null ? "" : "  (" + result.reason() + ")");
        }
    }
}
