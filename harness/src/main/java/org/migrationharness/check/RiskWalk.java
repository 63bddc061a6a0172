package org.migrationharness.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.apply.MeasuredRun;
import org.migrationharness.apply.Migrator;
import org.migrationharness.apply.ScriptMeasurement;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.seed.SeedFolder;
import org.migrationharness.seed.SeedLoader;
import org.migrationharness.seed.SyntheticRows;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.RiskConfig;

/**
 * {@link Stage#MEASURED}: the new migrations run one at a time on a database whose tables hold rows, each up and its
 * down measured ({@link MeasuredRun}), and the rows before each up compared with those after its down.
 *
 * <p>One database climbs to the version before the first new migration with the set's tool. Its tables are filled:
 * an environment's seeds where they load at that version, then synthetic rows up to {@code risk.rows} in every table
 * ({@link SyntheticRows}, deterministic; their values pass the checks the newest schema has on the same columns, as
 * production rows would before a migration adds them). Then, for each new migration k: the rows of every table are kept
 * ({@link KeptRows}); up(k) runs measured; the tables it created are filled; down(k) runs measured and the kept rows
 * are compared with what is there; up(k) runs again, and its tables are filled for k+1. Scripts are run as the tool
 * runs them (its text, its transaction rule), without its bookkeeping: nothing after the climb reads it.
 */
final class RiskWalk {

    /** The skip reason when the measurement is off. */
    static final String OFF = "risk measurement is off: verify --risk, or risk: true in harness.yaml, turns it on";

    /** The synthetic rows' seed: the same rows on every run. */
    private static final long SEED = 20_261_202L;

    private final ServiceRun run;
    private final MigrationSet set;
    private final RiskConfig config;
    private final List<String> notes = new ArrayList<>();
    /** The tables already named in a note for having no rows: once each. */
    private final java.util.Set<String> empty = new java.util.HashSet<>();

    RiskWalk(ServiceRun run) {
        this.run = run;
        this.set = run.set();
        this.config = set.config().risk();
    }

    Measured walk() {
        if (!config.on()) {
            return Measured.skipped(OFF, config);
        }
        String skip = run.migrated().skipReason();
        if (skip != null) {
            return Measured.skipped(skip, config);
        }
        Predicate<Migration> judged = NewMigrations.judged(set, run.options(), migration -> true);
        List<Migration> migrations = set.migrations();
        if (migrations.isEmpty()) {
            return Measured.skipped("no migration", config);
        }
        int first = 0;
        while (first < migrations.size() && !judged.test(migrations.get(first))) {
            first++;
        }
        if (first == migrations.size()) {
            HistoryBase base = run.options().base();
            return Measured.skipped(base == null ? "no migration after the baseline (naming: since)"
                    : base.set() == null ? "the base does not have this set: none of its tables is in production yet"
                    : "no migration is new since the base", config);
        }
        Database database = run.newDatabase("risk");
        if (first > 0) {
            new Migrator(set, database).versionedOnly().migrateTo(migrations.get(first - 1).version().text());
        }
        seed(database);
        fill(database, true);
        List<Measured.Step> steps = new ArrayList<>();
        for (int k = first; k < migrations.size(); k++) {
            run.stopIfInterrupted();
            Migration migration = migrations.get(k);
            try {
                if (!judged.test(migration)) {
                    MeasuredRun.run(set, database, migration, migration.up(), true);
                    fill(database, false);
                    continue;
                }
                steps.add(step(database, migration));
            } catch (HarnessException e) {
                if (e.code() != ErrorCode.MIGRATION_FAILED) {
                    throw e;
                }
                notes.add("The measurement stopped at " + migration.up().label() + ": " + e.getMessage().lines()
                        .findFirst().orElse("") + " (on rows; the other checks say whether it fails without them).");
                break;
            }
        }
        run.drop(database);
        return new Measured(null, config, steps, notes);
    }

    private Measured.Step step(Database database, Migration migration) {
        boolean down = migration.reversible() && !set.forwardOnly();
        KeptRows kept = down ? KeptRows.keep(database, run.snapshot(database)) : null;
        try {
            ScriptMeasurement up = MeasuredRun.run(set, database, migration, migration.up(), true);
            fill(database, false);
            if (!down) {
                return new Measured.Step(migration, up, null, List.of());
            }
            ScriptMeasurement back;
            try {
                back = MeasuredRun.run(set, database, migration, migration.down(), false);
            } catch (HarnessException e) {
                if (e.code() != ErrorCode.MIGRATION_FAILED) {
                    throw e;
                }
                // down.apply reports it; the walk goes on from version k
                notes.add(migration.down().label() + " fails on rows, so it was not measured: "
                        + e.getMessage().lines().findFirst().orElse(""));
                return new Measured.Step(migration, up, null, List.of());
            }
            List<Measured.Loss> losses = kept.losses();
            MeasuredRun.run(set, database, migration, migration.up(), true);
            fill(database, false);
            return new Measured.Step(migration, up, back, losses);
        } finally {
            if (kept != null) {
                kept.close();
            }
        }
    }

    /** The first environment's seeds (development when there is one), where they load at this version. */
    private void seed(Database database) {
        Path folder = run.options().seeds();
        if (folder == null || !Files.isDirectory(folder) || run.snapshot(database).tables().isEmpty()) {
            return; // before the first migration there is no table to seed
        }
        SeedFolder seeds = new SeedFolder(folder);
        List<String> environments = run.options().environments().isEmpty() ? seeds.environments()
                : run.options().environments();
        String environment = environments.contains("development") ? "development"
                : environments.stream().filter(seeds::has).findFirst().orElse(null);
        if (environment == null || !seeds.has(environment)) {
            return;
        }
        try {
            SeedLoader.load(database, set, folder, environment);
            notes.add("Rows: the " + environment + " seeds, topped up with synthetic rows to " + config.rowsOrDefault()
                    + " per table.");
        } catch (HarnessException e) {
            if (e.code() == ErrorCode.ENVIRONMENT) {
                throw e;
            }
            notes.add("Rows: synthetic only; the " + environment + " seeds do not load before the new migrations: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Every table topped up to {@code risk.rows}; the tables no rows could be generated for are noted once. */
    private void fill(Database database, boolean first) {
        SchemaSnapshot snapshot = run.snapshot(database);
        List<String> schemas = snapshot.tables().stream().map(SchemaSnapshot.Table::schema).distinct().toList();
        SyntheticRows.Result result = SyntheticRows.fill(database, snapshot, schemas, config.rowsOrDefault(), SEED,
                run.migratedSnapshot());
        for (SyntheticRows.TableFill table : result.tables()) {
            String name = RiskFindings.qualified(table.schema(), table.table());
            if (table.skipReason() != null && empty.add(name)) {
                notes.add("No rows in " + name + ": " + table.skipReason());
            }
        }
    }
}
