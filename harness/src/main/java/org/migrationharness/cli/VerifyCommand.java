package org.migrationharness.cli;

import java.io.PrintStream;
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
import org.migrationharness.report.TextReport;
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
              --changed-since REF      only what changed since the merge base of REF and HEAD (git): services whose
                                       migrations, harness.yaml, expected schema or seeds changed, and the services
                                       that depend on them; prints which and why
              --shard I/N              verify the I-th of N parts of the selection (parallel CI jobs; deterministic)
              --base REF               the base of the history checks (history.modified, history.out-of-order) and
                                       of the schema change: the merge base of REF and HEAD (git); default: the merge
                                       base with origin/main when the checkout has it (without a base: skipped)
              --base-dir DIR           the base as a folder instead (any VCS): for --migrations X, the base's version
                                       of X; for --service/--all, the root of a checkout of the repository at the base
            """ + Selection.POSTGRES_HELP + """
              --report FORMAT=FILE     write a report there (repeatable); FORMAT: json, junit-xml, sarif (2.1.0),
                                       markdown; its folder must exist (checked before the run)
              --report-json FILE       the same as --report json=FILE
              --jobs N                 services verified at a time, each in databases of its own (default: the number
                                       of processors; 1: one after another); progress and reports keep selection order
              --explain CHECK          print what a check proves, a failing example and the fix, then exit
            """ + Selection.POSTGRES_NOTE;

    private static final Set<String> WITH_VALUE = Selection.withValue("--format", "--expected", "--seeds", "--env",
            "--report-json", "--report", "--jobs", "--base-dir", "--explain", "--base", "--changed-since", "--shard");
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
        Shard shard = args.has("--shard") ? Shard.parse(args.get("--shard")) : null;
        // a path that cannot be written fails now, not after the whole run
        ReportTargets reports = ReportTargets.of(args);
        List<Selection.Entry> entries = narrowed(args, Selection.resolve("verify", args), shard);
        PostgresSettings settings = Selection.postgres(args);
        if (entries.isEmpty()) {
            RunReport empty = new RunReport("migration-harness", Verifier.harnessVersion(), null, 0, List.of());
            out.print(TextReport.render(empty));
            reports.write(empty);
            return 0;
        }
        try (HistoryBases bases = HistoryBases.resolve(args.get("--base"),
                args.has("--base-dir") ? Path.of(args.get("--base-dir")) : null, entries, err)) {
            return verify(targets(args, entries, bases), jobs, reports, settings);
        }
    }

    /**
     * The selection narrowed by {@code --changed-since} (what changed, and what depends on it) and by {@code --shard}
     * (this job's part), each saying on stderr what it kept.
     */
    private List<Selection.Entry> narrowed(Args args, List<Selection.Entry> entries, Shard shard) {
        List<Selection.Entry> kept = entries;
        if (args.has("--changed-since") && !entries.isEmpty()) {
            String ref = args.get("--changed-since");
            Selection.Entry first = entries.get(0);
            ChangedServices changed = ChangedServices.since(ref, first.service() != null ? first.repository().root()
                    : first.set().directory());
            java.util.Map<String, String> services = first.service() == null ? java.util.Map.of()
                    : changed.select(first.repository(), entries.stream().map(Selection.Entry::service)
                            .filter(java.util.Objects::nonNull).toList());
            java.util.Map<String, String> why = new java.util.LinkedHashMap<>();
            List<Selection.Entry> selected = new ArrayList<>();
            for (Selection.Entry entry : entries) {
                String reason = entry.service() != null ? services.get(entry.service()) : changed.reason(entry.set().directory());
                if (reason != null) {
                    why.put(entry.set().name(), reason);
                    selected.add(entry);
                }
            }
            changed.print(err, why, entries.size());
            kept = selected;
        }
        if (shard != null) {
            List<Selection.Entry> part = shard.of(kept, e -> e.set().name(), e -> e.set().migrations().size());
            err.println("Shard " + shard + ": " + part.size() + " of " + kept.size() + (part.isEmpty() ? "" : ": "
                    + String.join(", ", part.stream().map(e -> e.set().name()).toList())) + ".");
            kept = part;
        }
        return kept;
    }

    private int verify(List<Verifier.Target> targets, int jobs, ReportTargets reports, PostgresSettings settings) {
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

    private static List<Verifier.Target> targets(Args args, List<Selection.Entry> entries, HistoryBases bases) {
        Path expected = args.has("--expected") ? Path.of(args.get("--expected")) : null;
        if (expected != null && entries.size() > 1) {
            throw Args.usage("verify", "--expected names one expected schema, but " + entries.size()
                    + " migration sets are selected. Verify them one at a time.");
        }
        Path seeds = args.has("--seeds") ? Path.of(args.get("--seeds")) : null;
        List<String> environments = args.all("--env");
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
            HistoryBase base = bases.of(entry);
            if (base != null) {
                options = options.withBase(base);
            }
            targets.add(new Verifier.Target(entry.set(), options));
        }
        return targets;
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
