package org.migrationharness.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Settings;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.postgres.PostgresSettings;
import org.migrationharness.seed.SeedPolicy;
import org.migrationharness.source.Repository;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dev}: a local PostgreSQL with every service migrated and seeded, until Ctrl-C.
 *
 * <p>Starts a server (embedded by default, or a testcontainers container), creates the database {@value #DATABASE},
 * migrates and seeds every service for the environment into it ({@link SeedAll}), prints the JDBC URL and a
 * {@code psql} command line on stdout, and waits for SIGINT or SIGTERM ({@link Interrupts}); then stops the server and
 * removes its data. With {@code --data DIR} (embedded only) the data stays in DIR, and the next start reuses it,
 * applying only the migrations and seed rows that are new.
 */
@HelpColumn(22)
@Command(name = "dev",
        header = {"start a local PostgreSQL with every service migrated and seeded, until Ctrl-C",
            "(dev --help for its options)"},
        customSynopsis = "java -jar migration-harness.jar dev [--env ENV] [--port N] [--data DIR] [options]",
        description = {
            "Starts PostgreSQL, creates the database " + DevCommand.DATABASE + ", migrates every service into its own",
            "schema and loads its seeds of the environment, in dependency order, then prints the JDBC URL and a psql",
            "command line and keeps the server running until Ctrl-C (SIGINT) or SIGTERM. Without --data the server's",
            "data is removed when it stops; with --data DIR it stays there, and the next start applies only what is",
            "new (pending migrations, new seed rows)."},
        footer = {"", "Exit codes: 130 (143 for SIGTERM) after it was stopped, 2 usage error, 3 no server could be"
            + " started."})
final class DevCommand implements Callable<Integer> {

    /** The database every service is loaded into. */
    static final String DATABASE = "platform";

    /** How often the waiting command checks that the server still answers. */
    private static final long CHECK_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    @Spec
    private CommandSpec spec; // the --postgres* options are read by name through it

    @Option(names = "--env", paramLabel = "ENV", description = "the seeds to load (default: development)")
    String env = "development";

    @Option(names = "--postgres", paramLabel = "P", description = "embedded (default) or testcontainers")
    String postgres;

    @Option(names = "--postgres-version", paramLabel = "N",
            description = "PostgreSQL major version: 15, 16, 17 (default 17)")
    String postgresVersion;

    @Option(names = "--postgres-image", paramLabel = "IMAGE",
            description = "image for testcontainers (default: postgres:<pinned tag of the version>)")
    String postgresImage;

    @Option(names = "--port", paramLabel = "N", description = "the port on this machine (default: a free one)")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = {
        "keep the server's data in DIR (embedded only); a later start reuses it",
        "and applies only what is new (default: removed when it stops)"})
    Path data;

    @Option(names = "--help", usageHelp = true, hidden = true, description = "print this help")
    boolean help;

    private final PrintStream out;
    private final PrintStream err;

    DevCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw Main.usage("dev", "--port must be a port number, 1 to 65535 (0: a free one), not " + port + ".");
        }
        SeedPolicy policy = SeedPolicy.developmentOnly();
        // the environment rule before anything starts: dev loads development databases
        policy.check(env, "jdbc:postgresql://localhost/" + DATABASE, "postgres");
        Repository repository = Repository.locate();
        List<String> services = repository.services();
        if (services.isEmpty()) {
            throw new HarnessException(ErrorCode.INPUT, "No services under " + repository.servicesFolder() + ".");
        }
        PostgresSettings settings = PostgresSettings.resolve(Settings.fromSystem(Main.optionValues(spec)));
        PostgresServer server = PostgresServer.startForDevelopment(settings, port, data);
        try {
            Selection.started(server, err);
            PostgresServer.NamedDatabase named = server.namedDatabase(DATABASE);
            Database database = named.database();
            err.println(named.created() ? "Created database " + DATABASE + "."
                    : "Reusing database " + DATABASE + (data == null ? "" : " in " + data.toAbsolutePath().normalize())
                            + ": applying only what is new.");
            SeedAll seedAll = new SeedAll(repository, database, env, true, false, policy, null, err);
            List<SeedAll.Outcome> outcomes = seedAll.run(services, server::isInterrupted);
            if (server.isInterrupted()) {
                err.println("Stopped after " + outcomes.size() + " of " + services.size() + " services.");
                return 0; // Interrupts says it was interrupted, and exits 130/143
            }
            out.print(SeedAll.summary(outcomes, env, DATABASE, false));
            if (!named.created()) {
                int migrations = outcomes.stream().mapToInt(o -> o.applied().size()).sum();
                long rows = outcomes.stream().filter(o -> o.result() != null).mapToLong(o -> o.result().inserted()).sum();
                out.println(migrations == 0 && rows == 0 ? "Nothing new: the database was up to date."
                        : "Applied what was new: " + migrations + " migrations, " + rows + " new seed rows.");
            }
            List<String> failed = outcomes.stream().filter(SeedAll.Outcome::failed).map(SeedAll.Outcome::service).toList();
            if (!failed.isEmpty()) {
                out.println("Not loaded: " + String.join(", ", failed) + " (see the errors above); the other services are.");
            }
            out.println();
            out.println("PostgreSQL " + server.version() + " (" + server.backend().id() + ") is ready:");
            out.println("  JDBC URL: " + database.jdbcUrl());
            out.println("  user:     " + database.user() + (database.password() == null ? " (no password)"
                    : ", password " + database.password()));
            out.println("  psql:     " + psql(database));
            out.println(data == null ? "Its data is removed when it stops." : "Its data stays in "
                    + data.toAbsolutePath().normalize() + ".");
            out.println("Ctrl-C stops it.");
            out.flush();
            long nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
            while (!server.isInterrupted()) {
                Thread.sleep(200);
                if (System.nanoTime() > nextCheck) {
                    String problem = unanswered(database);
                    if (problem != null && !server.isInterrupted()) {
                        err.println("error: PostgreSQL at " + database.jdbcUrl() + " stopped answering (" + problem
                                + "); stopping.");
                        return ErrorCode.ENVIRONMENT.exitCode();
                    }
                    nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
                }
            }
        } finally {
            server.close();
            err.println("Stopped PostgreSQL; " + (data == null ? "its data is removed."
                    : "its data stays in " + data.toAbsolutePath().normalize() + "."));
        }
        return 0;
    }

    /** Why the database does not answer a query, or null when it does. */
    private static String unanswered(Database database) {
        try (java.sql.Connection connection = database.connect();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return null;
        } catch (java.sql.SQLException | RuntimeException e) {
            return String.valueOf(e.getMessage()).lines().findFirst().orElse("no answer");
        }
    }

    /** The psql command line that connects to the database: host, port, user and, when there is one, the password. */
    static String psql(Database database) {
        URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        String command = "psql -h " + uri.getHost() + " -p " + uri.getPort() + " -U " + database.user() + " "
                + database.name();
        return database.password() == null ? command : "PGPASSWORD=" + database.password() + " " + command;
    }
}
