package org.migrationharness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.apply.ApplyResult;
import org.migrationharness.apply.Migrator;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.internal.Secrets;
import org.migrationharness.internal.Settings;
import org.migrationharness.postgres.PostgresSettings;
import org.migrationharness.postgres.Database;
import org.migrationharness.seed.ProductionPattern;
import org.migrationharness.seed.SeedFolder;
import org.migrationharness.seed.SeedListener;
import org.migrationharness.seed.SeedLoader;
import org.migrationharness.seed.SeedOptions;
import org.migrationharness.seed.SeedPolicy;
import org.migrationharness.seed.SeedResult;
import org.migrationharness.seed.TableCount;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationVersion;
import org.migrationharness.source.Repository;
import org.migrationharness.source.Timeouts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seed}: loads a service's seeds of one environment into a development database, in one transaction.
 *
 * <p>Refuses (exit 2), before connecting, without {@code --allow-production}, by the rules of {@link SeedPolicy}: the
 * {@code production} environment, any server that is not on this machine, and a database whose name matches the
 * production pattern (a case-insensitive regex found anywhere in the name: {@code --production-pattern},
 * {@code harness.production-pattern}, {@code HARNESS_PRODUCTION_PATTERN}, default {@value ProductionPattern#DEFAULT}).
 * Refuses a database whose migration version is not the service's latest without {@code --migrate}. Progress goes to
 * stderr, the summary table to stdout; the password is never printed.
 */
@HelpColumn(22)
@Command(name = "seed",
        header = {"load a service's seeds of one environment into a development database, in one transaction",
            "(seed --help for its options)"},
        customSynopsis = "java -jar migration-harness.jar seed (--service NAME | --all) --env ENV --jdbc-url URL [options]",
        description = {
            "Loads seeds/<service>/common/ and seeds/<service>/<env>/ into the database, in one transaction: every",
            "file or none. Rows are matched by their natural key: existing rows are left (or updated where the fixture",
            "says update: true); nothing is ever deleted or truncated.",
            "With --all (or --service given more than once) every selected service is migrated (with --migrate) and",
            "seeded into the one database, each in its own schema, in dependency order, each service's seeds in their",
            "own transaction: a service that fails keeps none of its seed rows and the others are still seeded."},
        footer = {"", "Exit codes: 0 seeded, 1 a seed failed to load, 2 usage error, bad fixture or refusal, 3 database"
            + " unreachable."})
final class SeedCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec; // --jdbc-url, --user, --production-pattern and the timeouts are read by name through it

    @Option(names = "--service", paramLabel = "NAME",
            description = "the service under service-migrations/ (required unless --all; repeatable)")
    List<String> services = new ArrayList<>();

    @Option(names = "--all", arity = "0", description = "every service under service-migrations/, in dependency order")
    boolean all;

    @Option(names = "--env", paramLabel = "ENV",
            description = "the environment: development, staging, production, ... (required)")
    String env;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = {
        "the database, e.g. jdbc:postgresql://localhost:5432/catalog_dev (required;",
        "or harness.jdbc.url / HARNESS_JDBC_URL)"})
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER",
            description = "the user (default: PGUSER, else postgres); the password comes from PGPASSWORD")
    String user;

    @Option(names = "--seeds", paramLabel = "DIR",
            description = "the seeds folder (default: seeds/<service>/ of this repository)")
    Path seeds;

    @Option(names = "--migrate", arity = "0", description = "first apply the service's pending migrations")
    boolean migrate;

    @Option(names = "--dry-run", arity = "0",
            description = "say what would be inserted and updated per table; change nothing")
    boolean dryRun;

    @Option(names = ProductionPattern.OPTION, paramLabel = "REGEX", description = {
        "a database whose name matches REGEX (case-insensitive, anywhere in the name)",
        "is refused without --allow-production (default: prod; or",
        "harness.production-pattern / HARNESS_PRODUCTION_PATTERN)"})
    String productionPattern;

    @Option(names = "--allow-production", arity = "0", description = {
        "allow the production environment, servers other than localhost and",
        "databases whose name matches the production pattern"})
    boolean allowProduction;

    @Option(names = "--" + Timeouts.STATEMENT_KEY, paramLabel = "D",
            description = "longest one statement may run: 500ms, 5s, 2min (default 5min; 0 = none)")
    String statementTimeout;

    @Option(names = "--" + Timeouts.LOCK_KEY, paramLabel = "D",
            description = "longest a statement may wait for a lock (default 1min; 0 = none)")
    String lockTimeout;

    @Option(names = "--help", usageHelp = true, hidden = true, description = "print this help")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;
    private final Properties systemProperties;
    private final Map<String, String> environment;

    SeedCommand(PrintStream out, PrintStream err) {
        this(out, err, System.getProperties(), System.getenv());
    }

    /** With the given system properties and environment variables (where PGUSER and PGPASSWORD come from). */
    SeedCommand(PrintStream out, PrintStream err, Properties systemProperties, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        // the connection settings are looked up exactly as verify's external backend looks them up
        Settings lookup = new Settings(Main.optionValues(spec), systemProperties, environment);
        PostgresSettings settings = PostgresSettings.resolve(lookup);
        String password = settings.password();
        try {
            return seed(settings, productionPattern(lookup), password);
        } catch (HarnessException e) {
            throw new HarnessException(e.code(), redact(e.getMessage(), password), e.file().orElse(null), e.line(),
                    e.getCause());
        }
    }

    private int seed(PostgresSettings settings, ProductionPattern productionPattern, String password) {
        if (all || services.size() > 1) {
            return seedMany(settings, productionPattern, password);
        }
        String service = required(services.isEmpty() ? null : services.get(0), "--service", "the service to seed, e.g. --service catalog");
        String env = required(this.env, "--env", "the environment to load, e.g. --env development");
        String url = java.util.Optional.ofNullable(settings.jdbcUrl())
                .orElseThrow(() -> Main.usage("seed", "Missing --jdbc-url: the database to seed, e.g. "
                        + "--jdbc-url jdbc:postgresql://localhost:5432/" + service + "_dev"));
        // the three production rules, checked before anything is read or connected to
        SeedPolicy policy = new SeedPolicy(allowProduction, productionPattern);
        SeedPolicy.Target target = policy.check(env, url, settings.user());
        String user = target.user();
        String databaseName = target.database();

        Repository repository = Repository.locate();
        MigrationSet read = repository.read(service);
        MigrationSet set = read.withConfig(read.config().withTimeouts(Timeouts.resolve(Settings.fromSystem(Main.optionValues(spec)))));
        if (set.unreadable()) {
            throw new HarnessException(ErrorCode.INPUT, "The migrations of " + service + " cannot be read: "
                    + set.problems().get(0).message() + "\nFix them with: java -jar migration-harness.jar verify --service "
                    + service);
        }
        Path seeds = this.seeds != null ? this.seeds : repository.seeds(service)
                .orElseThrow(() -> new HarnessException(ErrorCode.INPUT, "Service " + service + " has no seeds: expected a "
                        + "folder " + DisplayPath.of(repository.root().resolve(Repository.SEEDS).resolve(service))
                        + " with <environment>/ folders of seed files."));
        new SeedFolder(seeds).files(env);

        Database database = new Database(databaseName, target.url().url(), user,
                password != null ? password : target.url().password());
        try (Connection connection = database.connect()) {
            connection.getMetaData();
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot reach database " + database.name() + " at " + url
                    + ": " + e.getMessage(), e);
        }

        // the services it depends on first (depends-on:), each at its latest version, then the service itself
        List<MigrationSet> toMigrate = new ArrayList<>(repository.dependencies(set));
        toMigrate.add(set);
        for (MigrationSet each : toMigrate) {
            Migrator migrator = new Migrator(each, database);
            String name = each.name();
            String why = each == set ? "" : " (" + service + " depends on it: depends-on in "
                    + repository.root().relativize(set.config().file().toAbsolutePath().normalize()) + ")";
            List<String> pending = pending(each, migrator, database, name);
            if (!pending.isEmpty() && !migrate) {
                String current = migrator.currentVersion().map(v -> "is at version " + v)
                        .orElse("has no migration applied (no " + migrator.historyTable() + ")");
                throw new HarnessException(ErrorCode.REFUSED, "Database " + database.name() + " " + current + " of "
                        + name + why + ", but the seeds are written for its latest migration, "
                        + each.latestVersion().orElseThrow() + " (pending: " + String.join(", ", pending) + ").\n"
                        + "Migrate it first, or let seed do it:\n  java -jar migration-harness.jar seed --service "
                        + service + " --env " + env + " --jdbc-url " + url + " --migrate");
            }
            if (!pending.isEmpty()) {
                if (dryRun) {
                    throw new HarnessException(ErrorCode.REFUSED, "Database " + database.name() + " needs migrations "
                            + String.join(", ", pending) + " of " + name + why + " before the seeds can load, and a dry"
                            + " run changes nothing.\nRun without --dry-run (with --migrate), or migrate it first.");
                }
                err.println("Migrating " + database.name() + " (" + name + why + "): applying " + String.join(", ", pending)
                        + " ...");
                ApplyResult applied = migrator.migrateAll();
                err.println("Migrated " + database.name() + " to version " + applied.versionAfter() + " of " + name + ".");
            }
        }

        err.println((dryRun ? "Dry run: loading " : "Loading ") + service + " seeds (" + env + ") into "
                + database.name() + " ...");
        SeedResult result = SeedLoader.load(database, set, seeds, env, new SeedOptions(dryRun, new Progress(err)),
                policy);
        out.print(summary(service, database.name(), result));
        return 0;
    }

    /** {@code --all} or several {@code --service}: every selected service into the one database, see {@link SeedAll}. */
    private int seedMany(PostgresSettings settings, ProductionPattern productionPattern, String password) {
        if (all && !services.isEmpty()) {
            throw Main.usage("seed", "--all already selects every service; drop --service.");
        }
        if (seeds != null) {
            throw Main.usage("seed", "--seeds names the seeds folder of one service; with several services each one's"
                    + " come from seeds/<service>/.");
        }
        String env = required(this.env, "--env", "the environment to load, e.g. --env development");
        String url = Optional.ofNullable(settings.jdbcUrl()).orElseThrow(() -> Main.usage("seed", "Missing --jdbc-url:"
                + " the database to seed, e.g. --jdbc-url jdbc:postgresql://localhost:5432/platform_dev"));
        SeedPolicy policy = new SeedPolicy(allowProduction, productionPattern);
        SeedPolicy.Target target = policy.check(env, url, settings.user());
        Repository repository = Repository.locate();
        List<String> known = repository.services();
        for (String service : services) {
            if (!known.contains(service)) {
                throw Main.usage("seed", "Unknown service '" + service + "'. Services: " + known + ".");
            }
        }
        Database database = new Database(target.database(), target.url().url(), target.user(),
                password != null ? password : target.url().password());
        try (Connection connection = database.connect()) {
            connection.getMetaData();
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot reach database " + database.name() + " at " + url
                    + ": " + e.getMessage(), e);
        }
        SeedAll seedAll = new SeedAll(repository, database, env, migrate, dryRun, policy,
                Timeouts.resolve(Settings.fromSystem(Main.optionValues(spec))), err);
        List<SeedAll.Outcome> outcomes = seedAll.run(all ? known : services);
        out.print(SeedAll.summary(outcomes, env, database.name(), dryRun));
        return SeedAll.exitCode(outcomes);
    }

    /** The versions to apply; refuses when they exist and --migrate was not given, or the database is ahead. */
    static List<String> pending(MigrationSet set, Migrator migrator, Database database, String service) {
        Optional<MigrationVersion> latest = set.latestVersion();
        if (latest.isEmpty()) {
            return List.of();
        }
        Optional<String> current = migrator.currentVersion();
        if (current.isPresent() && MigrationVersion.isValid(current.get())
                && MigrationVersion.of(current.get()).sameAs(latest.get())) {
            return List.of();
        }
        if (current.isPresent() && (!MigrationVersion.isValid(current.get())
                || MigrationVersion.of(current.get()).compareTo(latest.get()) > 0)) {
            throw new HarnessException(ErrorCode.REFUSED, "Database " + database.name() + " is at version "
                    + current.get() + " of " + service + ", newer than the latest migration here (" + latest.get()
                    + ").\nThe seeds of this checkout are written for an older schema: update your checkout.");
        }
        return set.migrations().stream().map(Migration::version)
                .filter(v -> current.isEmpty() || v.compareTo(MigrationVersion.of(current.get())) > 0)
                .map(MigrationVersion::text).toList();
    }

    private static String required(String value, String option, String what) {
        if (value == null || value.isBlank()) {
            throw Main.usage("seed", "Missing " + option + ": " + what + ".");
        }
        return value;
    }

    static String summary(String service, String database, SeedResult result) {
        StringBuilder text = new StringBuilder();
        if (result.dryRun()) {
            text.append("Dry run of ").append(service).append(" (").append(result.environment()).append(") on ")
                    .append(database).append(": would insert ").append(result.inserted()).append(", update ")
                    .append(result.updated()).append(", leave ").append(result.unchanged())
                    .append(" unchanged. Nothing was written.\n");
        } else {
            text.append("Seeded ").append(service).append(" (").append(result.environment()).append(") into ")
                    .append(database).append(": ").append(result.inserted()).append(" inserted, ")
                    .append(result.updated()).append(" updated, ").append(result.unchanged()).append(" unchanged.\n");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"table", "inserted", "updated", "unchanged"});
        for (TableCount count : result.perTable()) {
            rows.add(new String[] {count.table(), String.valueOf(count.inserted()), String.valueOf(count.updated()),
                    String.valueOf(count.unchanged())});
        }
        rows.add(new String[] {"total", String.valueOf(result.inserted()), String.valueOf(result.updated()),
                String.valueOf(result.unchanged())});
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(5);
        for (String[] row : rows) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s  %8s  %7s  %9s%n", row[0], row[1], row[2], row[3]));
        }
        return text.toString();
    }

    /** The message with the password and any {@code password=} URL parameter masked. */
    static String redact(String message, String password) {
        Secrets.register(password);
        return Secrets.mask(message);
    }

    /** The production pattern: {@code --production-pattern}, then the system property, the environment, the default. */
    static ProductionPattern productionPattern(Settings settings) {
        Optional<Settings.Value> value = settings.get(ProductionPattern.OPTION, ProductionPattern.PROPERTY,
                ProductionPattern.ENVIRONMENT_VARIABLE);
        return value.isEmpty() ? ProductionPattern.defaults()
                : ProductionPattern.compile(value.get().value(), value.get().source());
    }

    /** Progress on stderr: one line per file as it loads. */
    static final class Progress implements SeedListener {

        private final PrintStream err;

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void fileFinished(Path file, List<TableCount> counts) {
            String done = counts.isEmpty() ? "no rows counted" : counts.stream()
                    .map(c -> c.table() + " " + c.inserted() + " inserted, " + c.updated() + " updated, "
                            + c.unchanged() + " unchanged")
                    .collect(Collectors.joining("; "));
            err.println("  " + file.getParent().getFileName() + "/" + file.getFileName() + ": " + done);
        }
    }
}
