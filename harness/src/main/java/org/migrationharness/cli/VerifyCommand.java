package org.migrationharness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.check.VerifyListener;
import org.migrationharness.check.VerifyOptions;
import org.migrationharness.check.Verifier;
import org.migrationharness.internal.Settings;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.postgres.PostgresSettings;
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.JsonReport;
import org.migrationharness.report.RunReport;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.report.TextReport;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.source.Repository;

/** {@code verify}: every check on the selected services or folders, on one server. */
final class VerifyCommand {

    static final String HELP = """
            Usage: java -jar migration-harness.jar verify (--all | --service NAME... | --migrations DIR...) [options]

            Selection:
              --all                    every service under service-migrations/
              --service NAME           a service (repeatable)
              --migrations DIR         any folder of migrations (repeatable)
            Options:
              --format F               auto (default) or flyway
              --expected FILE          expected schema to compare with (default for a service: its expected-schema.json)
              --seeds DIR              seed fixtures: DIR/<environment>/ (default for a service: seeds/<service>/)
              --env E                  seed environment to load (repeatable; default: every one present)
              --postgres P             auto (default), testcontainers, embedded, external
              --postgres-version N     PostgreSQL major version: 15, 16, 17 (default 17)
              --postgres-image IMAGE   image for testcontainers (default: postgres:<pinned tag of the version>)
              --jdbc-url URL           server for external; user from --user or PGUSER, password from PGPASSWORD
              --user USER              user for external
              --report-json FILE       write the JSON report there
            Each --postgres* option may also be set as a system property (harness.postgres, harness.postgres.version,
            harness.postgres.image, harness.jdbc.url) or environment variable (HARNESS_POSTGRES, ...); the option wins.
            """;

    private static final Set<String> WITH_VALUE = Set.of("--service", "--migrations", "--format", "--expected", "--seeds",
            "--env", "--postgres", "--postgres-version", "--postgres-image", "--jdbc-url", "--user", "--report-json");
    private static final Set<String> SWITCHES = Set.of("--all", "--help");
    private static final Set<String> FORMATS = Set.of("auto", "flyway");

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
        String format = args.has("--format") ? args.get("--format").toLowerCase(Locale.ROOT) : "auto";
        if (!FORMATS.contains(format)) {
            throw Args.usage("verify", "Format '" + format + "' is not supported yet. Supported: auto, flyway.");
        }
        List<Verifier.Target> targets = select(args);
        PostgresSettings settings = PostgresSettings.resolve(Settings.fromSystem(args::get));
        err.println("Starting PostgreSQL (" + settings.backend().id() + ") ...");
        try (PostgresServer server = PostgresServer.start(settings)) {
            err.println("PostgreSQL " + server.version() + " (" + server.backend().id() + ") is up.");
            RunReport report = new Verifier(server, new Progress(err)).verifyAll(targets);
            out.print(TextReport.render(report));
            if (args.has("--report-json")) {
                JsonReport.write(report, Path.of(args.get("--report-json")));
            }
            if (report.services().stream().anyMatch(s -> s.status() == ServiceReport.Status.ERROR)) {
                return ErrorCode.ENVIRONMENT.exitCode();
            }
            return report.failed() ? 1 : 0;
        }
    }

    private List<Verifier.Target> select(Args args) {
        boolean all = args.has("--all");
        List<String> services = args.all("--service");
        List<String> folders = args.all("--migrations");
        if (!all && services.isEmpty() && folders.isEmpty()) {
            throw Args.usage("verify", "Say what to verify: --all, --service NAME or --migrations DIR.");
        }
        if (all && !services.isEmpty()) {
            throw Args.usage("verify", "--all already selects every service; drop --service.");
        }
        List<Verifier.Target> targets = new ArrayList<>();
        Path expected = args.has("--expected") ? Path.of(args.get("--expected")) : null;
        Path seeds = args.has("--seeds") ? Path.of(args.get("--seeds")) : null;
        List<String> environments = args.all("--env");
        if (all || !services.isEmpty()) {
            Repository repository = Repository.locate();
            List<String> names = all ? repository.services() : services;
            if (names.isEmpty()) {
                throw new HarnessException(ErrorCode.INPUT, "No services under " + repository.servicesFolder()
                        + ": each needs a <service>/migrations/ folder.");
            }
            for (String service : names) {
                MigrationSet set = repository.read(service);
                Path serviceExpected = expected != null ? expected : repository.expectedSchema(service);
                Path serviceSeeds = seeds != null ? seeds : repository.seeds(service).orElse(null);
                targets.add(new Verifier.Target(set, new VerifyOptions(serviceExpected, true, serviceSeeds, environments)));
            }
        }
        for (String folder : folders) {
            Path dir = Path.of(folder);
            Path name = dir.toAbsolutePath().normalize().getFileName();
            String label = name == null ? "migrations" : name.toString();
            if (label.equals("migrations") && dir.toAbsolutePath().normalize().getParent() != null
                    && dir.toAbsolutePath().normalize().getParent().getFileName() != null) {
                label = dir.toAbsolutePath().normalize().getParent().getFileName().toString();
            }
            MigrationSet set = MigrationSetReader.read(dir, label);
            targets.add(new Verifier.Target(set, new VerifyOptions(expected, expected != null, seeds, environments)));
        }
        if (expected != null && targets.size() > 1) {
            throw Args.usage("verify", "--expected names one expected schema, but " + targets.size()
                    + " migration sets are selected. Verify them one at a time.");
        }
        return targets;
    }

    /** Progress on stderr: one line per check as it finishes. */
    private static final class Progress implements VerifyListener {

        private final PrintStream err;

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void serviceStarted(String service, int migrations) {
            err.println("== " + service + " (" + migrations + " migrations)");
        }

        @Override
        public void checkFinished(String service, CheckResult result) {
            err.printf(Locale.ROOT, "   %-24s %-7s %6d ms%n", result.check(), result.status().id(), result.durationMs());
        }
    }
}
