package org.migrationharness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.source.MigrationFormats;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.source.Repository;
import org.migrationharness.source.Timeouts;

import picocli.CommandLine.Option;

/**
 * The selection options of {@code verify} and {@code snapshot} ({@code --all}, {@code --service NAME...},
 * {@code --migrations DIR...}, {@code --allow-empty}) and the reading of the sets they select.
 */
final class Selection {

    /** The switch that accepts a selected folder without any migration (a mistyped path is refused without it). */
    static final String ALLOW_EMPTY = "--allow-empty";

    @Option(names = "--all", arity = "0", description = "every service under service-migrations/")
    boolean all;

    @Option(names = "--service", paramLabel = "NAME", description = "a service (repeatable)")
    List<String> services = new ArrayList<>();

    @Option(names = "--migrations", paramLabel = "DIR", description = "any folder of migrations (repeatable)")
    List<String> folders = new ArrayList<>();

    @Option(names = ALLOW_EMPTY, arity = "0", description = {
        "accept a selected folder without any migration (default: exit 2, since a",
        "mistyped path would otherwise pass forever)"})
    boolean allowEmpty;

    /**
     * One selected migration set.
     *
     * @param set the set as read
     * @param service the service's name when selected by {@code --all} or {@code --service}, null for {@code --migrations}
     * @param repository the repository the service is in, null for {@code --migrations}
     */
    record Entry(MigrationSet set, String service, Repository repository) {
    }

    /**
     * Reads the selected sets: the services first (in the given or, for --all, name order), then the folders. A set
     * without any versioned or repeatable migration is an input error unless {@code --allow-empty} is given.
     *
     * @param command the command, for its usage errors
     * @param formatOption the value of {@code --format}, null when not given
     * @param postgres where the run's timeouts come from, over each set's own
     */
    List<Entry> resolve(String command, String formatOption, PostgresOptions postgres) {
        if (!all && services.isEmpty() && folders.isEmpty()) {
            throw Main.usage(command, "Say what to " + command + ": --all, --service NAME or --migrations DIR.");
        }
        if (all && !services.isEmpty()) {
            throw Main.usage(command, "--all already selects every service; drop --service.");
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
                entries.add(new Entry(repository.read(service, format(command, formatOption)), service, repository));
            }
        }
        for (String folder : folders) {
            Path dir = Path.of(folder);
            entries.add(new Entry(MigrationSetReader.read(dir, label(dir), format(command, formatOption)), null, null));
        }
        if (!allowEmpty) {
            refuseEmpty(entries);
        }
        Timeouts run = postgres.timeouts();
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

    /** The format {@code --format} names (checked), or {@code auto} when not given. */
    static String format(String command, String option) {
        String format = option != null ? option.strip().toLowerCase(Locale.ROOT) : MigrationFormats.AUTO;
        if (!MigrationFormats.known(format)) {
            throw Main.usage(command, "Unknown migration format '" + format + "' (from --format).\nExpected one of: "
                    + MigrationFormats.AUTO + ", " + String.join(", ", MigrationFormats.ids()) + ".");
        }
        return format;
    }
}
