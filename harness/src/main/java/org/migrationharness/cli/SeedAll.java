package org.migrationharness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.apply.ApplyResult;
import org.migrationharness.apply.Migrator;
import org.migrationharness.postgres.Database;
import org.migrationharness.seed.SeedFolder;
import org.migrationharness.seed.SeedLoader;
import org.migrationharness.seed.SeedOptions;
import org.migrationharness.seed.SeedPolicy;
import org.migrationharness.seed.SeedResult;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.Repository;
import org.migrationharness.source.Timeouts;

/**
 * Several services migrated and seeded into one database, each in its own schema, in dependency order: what
 * {@code seed --all} (or several {@code --service}) and {@code dev} do.
 *
 * <p>Each service's seeds load in their own transaction ({@link SeedLoader}): a service that fails keeps none of its
 * seed rows, is named, and the services after it are still migrated and seeded. Migrations are applied as
 * {@code seed --migrate} applies them, the services a service depends on first.
 */
final class SeedAll {

    /**
     * What happened to one service.
     *
     * @param service the service
     * @param applied the versions of its own migrations applied now
     * @param result its seeds as loaded, null when it has none for the environment or failed
     * @param failure why it failed, null when it did not
     */
    record Outcome(String service, List<String> applied, SeedResult result, HarnessException failure) {

        boolean failed() {
            return failure != null;
        }
    }

    private final Repository repository;
    private final Database database;
    private final String env;
    private final boolean migrate;
    private final boolean dryRun;
    private final SeedPolicy policy;
    private final Timeouts timeouts;
    private final PrintStream err;

    SeedAll(Repository repository, Database database, String env, boolean migrate, boolean dryRun, SeedPolicy policy,
            Timeouts timeouts, PrintStream err) {
        this.repository = repository;
        this.database = database;
        this.env = env;
        this.migrate = migrate;
        this.dryRun = dryRun;
        this.policy = policy;
        this.timeouts = timeouts;
        this.err = err;
    }

    /** Migrates and seeds the services, each after those it depends on; one outcome per service, in that order. */
    List<Outcome> run(List<String> services) {
        return run(services, () -> false);
    }

    /**
     * As {@link #run(List)}, but starts no further service once {@code stop} says so (Ctrl-C): the outcomes are those
     * of the services done until then.
     */
    List<Outcome> run(List<String> services, java.util.function.BooleanSupplier stop) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String service : repository.inDependencyOrder(services)) {
            if (stop.getAsBoolean()) {
                break;
            }
            outcomes.add(one(service));
        }
        return outcomes;
    }

    private Outcome one(String service) {
        List<String> applied = new ArrayList<>();
        try {
            MigrationSet read = repository.read(service);
            MigrationSet set = timeouts == null ? read : read.withConfig(read.config().withTimeouts(timeouts));
            if (set.unreadable()) {
                throw new HarnessException(ErrorCode.INPUT, "The migrations of " + service + " cannot be read: "
                        + set.problems().get(0).message());
            }
            List<MigrationSet> toMigrate = new ArrayList<>(repository.dependencies(set));
            toMigrate.add(set);
            for (MigrationSet each : toMigrate) {
                Migrator migrator = new Migrator(each, database);
                List<String> pending = SeedCommand.pending(each, migrator, database, each.name());
                if (pending.isEmpty()) {
                    continue;
                }
                String why = each == set ? "" : " (" + service + " depends on it)";
                if (!migrate) {
                    throw new HarnessException(ErrorCode.REFUSED, "Database " + database.name() + " needs migrations "
                            + String.join(", ", pending) + " of " + each.name() + why + " before the seeds can load."
                            + "\nPass --migrate to apply them first.");
                }
                if (dryRun) {
                    throw new HarnessException(ErrorCode.REFUSED, "Database " + database.name() + " needs migrations "
                            + String.join(", ", pending) + " of " + each.name() + why + " before the seeds can load, and"
                            + " a dry run changes nothing.");
                }
                err.println("Migrating " + database.name() + " (" + each.name() + why + "): applying "
                        + String.join(", ", pending) + " ...");
                ApplyResult result = migrator.migrateAll();
                if (each == set) {
                    applied.addAll(result.applied());
                }
            }
            Optional<Path> seeds = repository.seeds(service);
            if (seeds.isEmpty() || !new SeedFolder(seeds.get()).has(env)) {
                err.println("No " + env + " seeds for " + service + ".");
                return new Outcome(service, applied, null, null);
            }
            err.println((dryRun ? "Dry run: loading " : "Loading ") + service + " seeds (" + env + ") ...");
            SeedResult result = SeedLoader.load(database, set, seeds.get(), env,
                    new SeedOptions(dryRun, new SeedCommand.Progress(err)), policy);
            return new Outcome(service, applied, result, null);
        } catch (HarnessException e) {
            err.println("error: " + service + " failed" + (applied.isEmpty() ? "" : " after migrating")
                    + (dryRun ? "" : "; none of its seed rows were kept") + ": " + e.getMessage());
            return new Outcome(service, applied, null, e);
        }
    }

    /** The exit code of the outcomes: 0 when none failed, else the highest of the failures' codes. */
    static int exitCode(List<Outcome> outcomes) {
        return outcomes.stream().filter(Outcome::failed).mapToInt(o -> o.failure().code().exitCode()).max().orElse(0);
    }

    /** The summary: one line, then a table of the services (migrations applied, rows inserted, updated, unchanged). */
    static String summary(List<Outcome> outcomes, String env, String database, boolean dryRun) {
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        int migrations = 0;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"service", "migrations", "inserted", "updated", "unchanged"});
        for (Outcome outcome : outcomes) {
            migrations += outcome.applied().size();
            SeedResult result = outcome.result();
            if (result != null) {
                inserted += result.inserted();
                updated += result.updated();
                unchanged += result.unchanged();
            }
            String note = outcome.failed() ? "FAILED" : result == null ? "no seeds" : null;
            rows.add(new String[] {outcome.service(), String.valueOf(outcome.applied().size()),
                note != null ? note : String.valueOf(result.inserted()), note != null ? "" : String.valueOf(result.updated()),
                note != null ? "" : String.valueOf(result.unchanged())});
        }
        rows.add(new String[] {"total", String.valueOf(migrations), String.valueOf(inserted), String.valueOf(updated),
            String.valueOf(unchanged)});
        List<String> failed = outcomes.stream().filter(Outcome::failed).map(Outcome::service).toList();
        StringBuilder text = new StringBuilder();
        text.append(dryRun ? "Dry run of " : "Seeded ").append(outcomes.size() - failed.size()).append(" of ")
                .append(outcomes.size()).append(" services (").append(env).append(dryRun ? ") on " : ") into ")
                .append(database).append(": ").append(dryRun ? "would insert " : "").append(inserted)
                .append(dryRun ? ", update " : " inserted, ").append(updated).append(dryRun ? ", leave " : " updated, ")
                .append(unchanged).append(" unchanged").append(dryRun ? ". Nothing was written" : "")
                .append(failed.isEmpty() ? "." : "; failed: " + String.join(", ", failed) + ".").append('\n');
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(7);
        for (String[] row : rows) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s  %10s  %8s  %7s  %9s", (Object[]) row).stripTrailing())
                    .append('\n');
        }
        return text.toString();
    }
}
