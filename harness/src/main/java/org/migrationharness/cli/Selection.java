package org.migrationharness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.internal.Settings;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.postgres.PostgresSettings;
import org.migrationharness.report.Finding;
import org.migrationharness.source.MigrationFormats;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.source.Repository;
import org.migrationharness.source.Timeouts;

/**
 * What {@code verify} and {@code snapshot} share: the selection ({@code --all}, {@code --service NAME...},
 * {@code --migrations DIR...}) and the {@code --postgres*} options.
 */
final class Selection {

    /** The selection options that take a value. */
    static final Set<String> OPTIONS = Set.of("--service", "--migrations");

    /** The selection switch. */
    static final String ALL = "--all";

    /** The switch that accepts a selected folder without any migration (a mistyped path is refused without it). */
    static final String ALLOW_EMPTY = "--allow-empty";

    /** The options that say which PostgreSQL to use. */
    static final Set<String> POSTGRES_OPTIONS = Set.of("--postgres", "--postgres-version", "--postgres-image",
            "--jdbc-url", "--user", "--" + Timeouts.STATEMENT_KEY, "--" + Timeouts.LOCK_KEY);

    /** The help lines of the selection. */
    static final String SELECTION_HELP = """
            Selection:
              --all                    every service under service-migrations/
              --service NAME           a service (repeatable)
              --migrations DIR         any folder of migrations (repeatable)
              --allow-empty            accept a selected folder without any migration (default: exit 2, since a
                                       mistyped path would otherwise pass forever)
            """;

    /** The help lines of the {@code --postgres*} options. */
    static final String POSTGRES_HELP = """
              --postgres P             auto (default), testcontainers, embedded, external
              --postgres-version N     PostgreSQL major version: 15, 16, 17 (default 17)
              --postgres-image IMAGE   image for testcontainers (default: postgres:<pinned tag of the version>)
              --jdbc-url URL           server for external; user from --user or PGUSER, password from PGPASSWORD
              --user USER              user for external
              --statement-timeout D    longest one statement of a script may run: 500ms, 5s, 2min (default 5min; 0 = none)
              --lock-timeout D         longest a statement may wait for a lock (default 1min; 0 = none)
            """;

    /** The footnote on the {@code --postgres*} options. */
    static final String POSTGRES_NOTE = """
            Each --postgres* option may also be set as a system property (harness.postgres, harness.postgres.version,
            harness.postgres.image, harness.jdbc.url) or environment variable (HARNESS_POSTGRES, ...); the option wins.
            The timeouts likewise (harness.statement-timeout, HARNESS_STATEMENT_TIMEOUT, ...), over harness.yaml's
            statement-timeout: and lock-timeout: keys.
            """;

    /**
     * One selected migration set.
     *
     * @param set the set as read
     * @param service the service's name when selected by {@code --all} or {@code --service}, null for {@code --migrations}
     * @param repository the repository the service is in, null for {@code --migrations}
     */
    record Entry(MigrationSet set, String service, Repository repository) {
    }

    private Selection() {
    }

    /** A command's options that take a value: the selection's, the --postgres* ones and its own. */
    static Set<String> withValue(String... own) {
        Set<String> all = new HashSet<>(OPTIONS);
        all.addAll(POSTGRES_OPTIONS);
        all.addAll(List.of(own));
        return Set.copyOf(all);
    }

    /**
     * Reads the selected sets: the services first (in the given or, for --all, name order), then the folders. A set
     * without any versioned or repeatable migration is an input error unless {@code --allow-empty} is given.
     */
    static List<Entry> resolve(String command, Args args) {
        boolean all = args.has(ALL);
        List<String> services = args.all("--service");
        List<String> folders = args.all("--migrations");
        if (!all && services.isEmpty() && folders.isEmpty()) {
            throw Args.usage(command, "Say what to " + command + ": --all, --service NAME or --migrations DIR.");
        }
        if (all && !services.isEmpty()) {
            throw Args.usage(command, "--all already selects every service; drop --service.");
        }
        List<Entry> entries = new ArrayList<>();
        if (all || !services.isEmpty()) {
            Repository repository = Repository.locate();
            // a service after those it depends on: verify --all reports them in the order they would deploy
            List<String> names = repository.inDependencyOrder(all ? repository.services() : services);
            if (names.isEmpty()) {
                throw new HarnessException(ErrorCode.INPUT, "No services under " + repository.servicesFolder()
                        + ": each needs a <service>/migrations/ folder.");
            }
            for (String service : names) {
                entries.add(new Entry(repository.read(service, format(command, args)), service, repository));
            }
        }
        for (String folder : folders) {
            Path dir = Path.of(folder);
            entries.add(new Entry(MigrationSetReader.read(dir, label(dir), format(command, args)), null, null));
        }
        if (!args.has(ALLOW_EMPTY)) {
            refuseEmpty(entries);
        }
        Timeouts run = timeouts(args);
        return entries.stream()
                .map(e -> new Entry(e.set().withConfig(e.set().config().withTimeouts(run)), e.service(), e.repository()))
                .toList();
    }

    /** An empty set passes every check, so a mistyped path in CI would pass forever: refuse it, naming the folder. */
    private static void refuseEmpty(List<Entry> entries) {
        List<MigrationSet> empty = entries.stream().map(Entry::set)
                .filter(s -> s.migrations().isEmpty() && s.repeatables().isEmpty()).toList();
        if (empty.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        for (MigrationSet set : empty) {
            List<String> others = set.problems().stream().map(Finding::file).filter(Objects::nonNull)
                    .map(f -> f.substring(f.lastIndexOf('/') + 1)).distinct().toList();
            message.append(message.length() == 0 ? "" : "\n").append("No migrations in ")
                    .append(DisplayPath.of(set.directory())).append(": expected files like V1__create_x.sql (or ")
                    .append("R__<description>.sql), found ").append(others.isEmpty() ? "none"
                            : "only files that are not migrations: " + String.join(", ", others))
                    .append('.');
        }
        message.append("\nCheck the path; if the set is empty on purpose, pass ").append(ALLOW_EMPTY).append('.');
        throw new HarnessException(ErrorCode.INPUT, message.toString());
    }

    /** A folder's label: its name, or its parent's name for a folder called {@code migrations}. */
    private static String label(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        String label = name == null ? "migrations" : name.toString();
        if (label.equals("migrations") && absolute.getParent() != null && absolute.getParent().getFileName() != null) {
            label = absolute.getParent().getFileName().toString();
        }
        return label;
    }

    /**
     * Says the server is up and what its start cleaned up after runs that are gone, and hands it to the interrupt
     * handler: from now on Ctrl-C stops the run and drops its databases.
     */
    static void started(PostgresServer server, PrintStream err) {
        err.println("PostgreSQL " + server.version() + " (" + server.backend().id() + ") is up.");
        server.housekeeping().forEach(line -> err.println("cleaned up: " + line));
        Interrupts.serving(server);
    }

    /** The format {@code --format} names (checked), or {@code auto}. */
    static String format(String command, Args args) {
        String format = args.has("--format") ? args.get("--format").strip().toLowerCase(Locale.ROOT) : MigrationFormats.AUTO;
        if (!MigrationFormats.known(format)) {
            throw Args.usage(command, "Unknown migration format '" + format + "' (from --format).\nExpected one of: "
                    + MigrationFormats.AUTO + ", " + String.join(", ", MigrationFormats.ids()) + ".");
        }
        return format;
    }

    /** The run's timeouts from the options, system properties and environment (in that order). */
    static Timeouts timeouts(Args args) {
        return Timeouts.resolve(Settings.fromSystem(args::get));
    }

    /** The PostgreSQL settings from the options, system properties and environment (in that order). */
    static PostgresSettings postgres(Args args) {
        return PostgresSettings.resolve(Settings.fromSystem(args::get));
    }
}
