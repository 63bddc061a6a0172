package org.migrationharness.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

/** {@code verify}: every check on the selected services or folders, on one server. */
final class VerifyCommand {

    static final String HELP = """
            Usage: java -jar migration-harness.jar verify (--all | --service NAME... | --migrations DIR...) [options]

            """ + Selection.SELECTION_HELP + """
            Options:
              --format F               auto (default: harness.yaml's format:, else detected from the files), flyway,
                                       golang-migrate, sectioned, timestamped
              --expected FILE          expected schema to compare with (default for a service: its expected-schema.json)
              --seeds DIR              seed fixtures: DIR/<environment>/ (default for a service: seeds/<service>/)
              --env E                  seed environment to load (repeatable; default: every one present)
              --base-dir DIR           the base the history checks (history.modified, history.out-of-order) compare
                                       with: for --migrations X, the base's version of X; for --service/--all, the
                                       root of a checkout of the repository at the base (without it: skipped)
            """ + Selection.POSTGRES_HELP + """
              --report FORMAT=FILE     write a report there (repeatable); FORMAT: json, junit-xml, sarif (2.1.0),
                                       markdown; its folder must exist (checked before the run)
              --report-json FILE       the same as --report json=FILE
              --jobs N                 services verified at a time, each in databases of its own (default: the number
                                       of processors; 1: one after another); progress and reports keep selection order
              --explain CHECK          print what a check proves, a failing example and the fix, then exit
            """ + Selection.POSTGRES_NOTE;

    private static final Set<String> WITH_VALUE = Selection.withValue("--format", "--expected", "--seeds", "--env",
            "--report-json", "--report", "--jobs", "--base-dir", "--explain");
    private static final Set<String> SWITCHES = Set.of(Selection.ALL, Selection.ALLOW_EMPTY, "--help");

    private final PrintStream out;
    private final PrintStream err;

    VerifyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> arguments) {
        Args args = Args.parse("verify", arguments, WITH_VALUE, SWITCHES);
        if (args.has("--help")) {
            out.print(HELP);
            return 0;
        }
        if (args.has("--explain")) {
            return explain(args.get("--explain"));
        }
        int jobs = jobs(args);
        List<Verifier.Target> targets = select(args);
        // a path that cannot be written fails now, not after the whole run
        ReportTargets reports = ReportTargets.of(args);
        PostgresSettings settings = Selection.postgres(args);
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
    private static int jobs(Args args) {
        if (!args.has("--jobs")) {
            return Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        String value = args.get("--jobs").strip();
        int jobs;
        try {
            jobs = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            jobs = 0;
        }
        if (jobs < 1) {
            throw Args.usage("verify", "--jobs takes how many services to verify at a time: a whole number of at least 1"
                    + " (1 verifies them one after another), not '" + value + "'.");
        }
        return jobs;
    }

    /** {@code --explain CHECK}: the check's explanation on stdout. */
    private int explain(String id) {
        CheckId check = Verifier.checkIds().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> Args.usage("verify", "--explain: no check " + id + ". The checks: "
                        + Verifier.checkIds().stream().map(CheckId::id).collect(java.util.stream.Collectors.joining(", "))
                        + "."));
        out.println(check.id() + ": " + check.meaning());
        out.println();
        out.print(check.explanation());
        return 0;
    }

    private List<Verifier.Target> select(Args args) {
        List<Selection.Entry> entries = Selection.resolve("verify", args);
        Path expected = args.has("--expected") ? Path.of(args.get("--expected")) : null;
        if (expected != null && entries.size() > 1) {
            throw Args.usage("verify", "--expected names one expected schema, but " + entries.size()
                    + " migration sets are selected. Verify them one at a time.");
        }
        Path seeds = args.has("--seeds") ? Path.of(args.get("--seeds")) : null;
        List<String> environments = args.all("--env");
        Path baseDir = baseDir(args, entries);
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
    private static Path baseDir(Args args, List<Selection.Entry> entries) {
        if (!args.has("--base-dir")) {
            return null;
        }
        Path dir = Path.of(args.get("--base-dir"));
        if (!Files.isDirectory(dir)) {
            throw new HarnessException(ErrorCode.INPUT, "No base folder at " + DisplayPath.of(dir) + " (from --base-dir).\n"
                    + "Give the base's version of the migrations folder (with --migrations) or the root of a checkout of"
                    + " the repository at the base (with --service or --all), e.g. from git worktree add.");
        }
        long folders = entries.stream().filter(e -> e.service() == null).count();
        if (folders > 0 && (folders > 1 || entries.size() > 1)) {
            throw Args.usage("verify", "--base-dir names the base of one --migrations folder, or a repository checkout"
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
