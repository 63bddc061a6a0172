package org.migrationharness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.check.HistoryBase;
import org.migrationharness.check.Verifier;
import org.migrationharness.check.VerifyListener;
import org.migrationharness.check.VerifyOptions;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.postgres.PostgresSettings;
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.RunReport;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.report.TextReport;
import org.migrationharness.source.MigrationSet;
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

    @Option(names = "--changed-since", paramLabel = "REF", description = {
        "only what changed since the merge base of REF and HEAD (git): services whose",
        "migrations, harness.yaml, expected schema or seeds changed, and the services",
        "that depend on them; prints which and why"})
    String changedSince;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "verify the I-th of N parts of the selection (parallel CI jobs; deterministic)")
    String shard;

    @Option(names = "--base", paramLabel = "REF", description = {
        "the base of the history checks (history.modified, history.out-of-order) and",
        "of the schema change: the merge base of REF and HEAD (git); default: the merge",
        "base with origin/main when the checkout has it (without a base: skipped)"})
    String base;

    @Option(names = "--base-dir", paramLabel = "DIR", description = {
        "the base as a folder instead (any VCS): for --migrations X, the base's version",
        "of X; for --service/--all, the root of a checkout of the repository at the base"})
    Path baseDir;

    @Option(names = "--risk", description = {
        "measure locks, rewrites, scans and rollback data loss of the new migrations",
        "on rows (also risk: true in harness.yaml)"})
    boolean risk;

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
        Shard part = shard == null ? null : Shard.parse(shard);
        // a path that cannot be written fails now, not after the whole run
        ReportTargets reports = ReportTargets.of(reportJson, this.reports);
        List<Selection.Entry> entries = narrowed(selection.resolve("verify", format, postgres), part);
        if (expected != null && entries.size() > 1) {
            throw Main.usage("verify", "--expected names one expected schema, but " + entries.size()
                    + " migration sets are selected. Verify them one at a time.");
        }
        if (entries.isEmpty()) {
            RunReport empty = new RunReport("migration-harness", Verifier.harnessVersion(), null, 0, List.of());
            out.print(TextReport.render(empty));
            reports.write(empty);
            return 0;
        }
        try (HistoryBases bases = HistoryBases.resolve(base, baseDir, entries, err)) {
            return verify(targets(entries, bases), jobs, reports, postgres.settings());
        }
    }

    /**
     * The selection narrowed by {@code --changed-since} (what changed, and what depends on it) and by {@code --shard}
     * (this job's part), each saying on stderr what it kept.
     */
    private List<Selection.Entry> narrowed(List<Selection.Entry> entries, Shard part) {
        List<Selection.Entry> kept = entries;
        if (changedSince != null && !entries.isEmpty()) {
            Selection.Entry first = entries.get(0);
            ChangedServices changed = ChangedServices.since(changedSince, first.service() != null
                    ? first.repository().root() : first.set().directory());
            Map<String, String> services = first.service() == null ? Map.of()
                    : changed.select(first.repository(), entries.stream().map(Selection.Entry::service)
                            .filter(Objects::nonNull).toList());
            Map<String, String> why = new LinkedHashMap<>();
            List<Selection.Entry> selected = new ArrayList<>();
            for (Selection.Entry entry : entries) {
                String reason = entry.service() != null ? services.get(entry.service())
                        : changed.reason(entry.set().directory());
                if (reason != null) {
                    why.put(entry.set().name(), reason);
                    selected.add(entry);
                }
            }
            changed.print(err, why, entries.size());
            kept = selected;
        }
        if (part != null) {
            List<Selection.Entry> mine = part.of(kept, e -> e.set().name(), e -> e.set().migrations().size());
            err.println("Shard " + part + ": " + mine.size() + " of " + kept.size() + (mine.isEmpty() ? "." : ": "
                    + String.join(", ", mine.stream().map(e -> e.set().name()).toList()) + "."));
            kept = mine;
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
        CheckId check = java.util.stream.Stream.concat(Verifier.checkIds().stream(), CheckId.lintRules().stream())
                .filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> Main.usage("verify", "--explain: no check " + id + ". The checks: "
                        + java.util.stream.Stream.concat(Verifier.checkIds().stream(), CheckId.lintRules().stream())
                                .map(CheckId::id).collect(java.util.stream.Collectors.joining(", "))
                        + "."));
        out.println(check.id() + ": " + check.meaning());
        out.println();
        out.print(check.explanation());
        return 0;
    }

    private List<Verifier.Target> targets(List<Selection.Entry> entries, HistoryBases bases) {
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
            HistoryBase history = bases.of(entry);
            if (history != null) {
                options = options.withBase(history);
            }
            MigrationSet set = risk ? entry.set().withConfig(entry.set().config().withRisk()) : entry.set();
            targets.add(new Verifier.Target(set, options));
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
