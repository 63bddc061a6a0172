package org.migrationharness.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.apply.Migrator;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.seed.SeedFolder;
import org.migrationharness.seed.SeedLoader;
import org.migrationharness.source.MigrationFormats;
import org.migrationharness.source.MigrationSet;

/**
 * What the checks of one set share: the set, the server, the findings, the databases made for it (dropped at the end),
 * and the stages ({@link Stage}), each computed once, when a check that declared it first asks. Checks see it only
 * through their {@link CheckContext}.
 */
final class ServiceRun implements AutoCloseable {

    private final MigrationSet set;
    private final PostgresServer server;
    private final VerifyOptions options;
    private final List<Finding> findings = new ArrayList<>();
    /** The databases created for this service and not dropped yet; the step walk's workers add and drop clones. */
    private final List<Database> databases = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Each stage computed so far: its result, or the exception computing it threw (thrown again to every check). */
    private final Map<Stage, Object> stages = new EnumMap<>(Stage.class);
    private SchemaSnapshot migratedSnapshot;
    private SchemaSnapshot expectationSnapshot;
    private Database dependencies;
    private final SchemaReader.Cache tables = new SchemaReader.Cache();

    ServiceRun(MigrationSet set, PostgresServer server, VerifyOptions options) {
        this.set = set;
        this.server = server;
        this.options = options;
    }

    /** The context of one check: what it declared, over this run. */
    CheckContext contextOf(Check check) {
        return new CheckContext(this, check.id(), check.needs());
    }

    /**
     * Runs {@code check} without asking its skip reason, as a test of one check does; the stages it declared are
     * computed when it first asks for them.
     */
    void run(Check check) {
        check.run(contextOf(check));
    }

    MigrationSet set() {
        return set;
    }

    PostgresServer server() {
        return server;
    }

    VerifyOptions options() {
        return options;
    }

    List<Finding> findings() {
        return findings;
    }

    /** Adds a finding at the severity the set's configuration gives its check ({@code severity:}), or drops it (off). */
    void report(Finding finding) {
        set.config().severity().of(finding.check(), finding.severity()).ifPresent(severity -> findings.add(
                severity == finding.severity() ? finding : new Finding(finding.check(), severity, finding.migration(),
                        finding.file(), finding.line(), finding.message())));
    }

    /**
     * Ends the check at once when the run was interrupted (Ctrl-C): a long walk must not go on statement after
     * statement while the run is being stopped.
     */
    void stopIfInterrupted() {
        if (server.isInterrupted()) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "The run was interrupted.");
        }
    }

    /**
     * A new database for this service, dropped when the service's checks end: empty, or, for a service that depends
     * on others, a copy of one where they are migrated.
     */
    Database newDatabase(String purpose) {
        if (options.dependencies().isEmpty()) {
            Database database = server.createDatabase(set.name() + "_" + purpose);
            databases.add(database);
            return database;
        }
        return cloneOf(dependenciesMigrated(), purpose);
    }

    /** A database where the service's dependencies are migrated, built once: the template of every new database. */
    private Database dependenciesMigrated() {
        if (dependencies == null) {
            Database database = server.createDatabase(set.name() + "_dependencies");
            databases.add(database);
            for (MigrationSet dependency : options.dependencies()) {
                try {
                    new Migrator(dependency, database).migrateAll();
                } catch (HarnessException e) {
                    throw new HarnessException(ErrorCode.ENVIRONMENT, set.name() + " depends on " + dependency.name()
                            + ", which fails to migrate: " + e.getMessage() + "\nVerify " + dependency.name()
                            + " on its own first.", e);
                }
            }
            dependencies = database;
        }
        return dependencies;
    }

    /** The schemas of the services this one depends on: theirs, not checked here. */
    List<String> dependencySchemas() {
        return options.dependencies().stream().flatMap(d -> d.config().schemas().stream()).distinct().toList();
    }

    /** A copy of {@code template} (no connection may be open to it), dropped when the service's checks end. */
    Database cloneOf(Database template, String purpose) {
        Database database = server.cloneDatabase(template, set.name() + "_" + purpose);
        databases.add(database);
        return database;
    }

    void drop(Database database) {
        if (databases.remove(database)) {
            server.dropDatabase(database);
        }
    }

    /**
     * The schema of a whole database, as a step, the chain and remigrate compare it: every non-system schema, whatever
     * the service declares (a down that leaves a table in {@code public} or a schema of its own leaves a trace too),
     * without the bookkeeping tables of the set's tool and of its dependencies' tools, in whatever schema they are.
     */
    SchemaSnapshot snapshot(Database database) {
        return SchemaReader.read(database, List.of(), bookkeeping(), tables);
    }

    /** The tables the tools of the set and of its dependencies keep their bookkeeping in, left out of every snapshot. */
    private Set<String> bookkeeping() {
        Set<String> tables = new LinkedHashSet<>(MigrationFormats.of(set).bookkeepingTables(set.config()));
        options.dependencies().forEach(d -> tables.addAll(MigrationFormats.of(d).bookkeepingTables(d.config())));
        return tables;
    }

    /**
     * The schema of the migrated database ({@link #snapshot(Database)}), read once: every clone of it has the same
     * schema, so the checks that start from a clone compare with this one instead of reading the catalog again.
     */
    SchemaSnapshot migratedSnapshot() {
        if (migratedSnapshot == null) {
            migratedSnapshot = snapshot(migrated().database());
        }
        return migratedSnapshot;
    }

    /**
     * The schema of the migrated database exactly as {@code snapshot --write-expected} writes an expectation: the
     * service's declared schemas only (every non-system one when it declares none), without its own tool's bookkeeping.
     */
    SchemaSnapshot expectationSnapshot() {
        if (set.config().schemas().isEmpty() && options.dependencies().isEmpty()) {
            return migratedSnapshot(); // the same reading: every schema, the set's bookkeeping left out
        }
        if (expectationSnapshot == null) {
            expectationSnapshot = SchemaReader.read(migrated().database(), set.config().schemas(),
                    MigrationFormats.of(set).bookkeepingTables(set.config()));
        }
        return expectationSnapshot;
    }

    /** {@link Stage#MIGRATED}: every migration applied to a new database, once. */
    Migrated migrated() {
        return stage(Stage.MIGRATED, Migrated.class, this::migrate);
    }

    /** {@link Stage#MIGRATED} when it was computed and passed; else null (nothing is computed here). */
    Database migratedIfPassed() {
        return stages.get(Stage.MIGRATED) instanceof Migrated.Passed passed ? passed.database() : null;
    }

    private Migrated migrate() {
        if (set.unreadable()) {
            return new Migrated.NotRun("two migrations share a version");
        }
        try {
            Database database = newDatabase("up");
            Attempt<Void> up = Attempt.run(() -> new Migrator(set, database).migrateAll());
            return up.failed() ? new Migrated.Failed(database, failedAt(up.failure()), up.failure())
                    : new Migrated.Passed(database);
        } catch (HarnessException e) {
            return new Migrated.Broken(e);
        }
    }

    /** How the failing script is known: its migration's up label ({@code V3}), else its file's name, else null. */
    private String failedAt(HarnessException e) {
        return e.file().map(file -> set.migrations().stream()
                .filter(m -> file.equals(m.up().file())).map(m -> m.up().label()).findFirst()
                .orElse(file.getFileName().toString())).orElse(null);
    }

    /** {@link Stage#STEP_WALK}: the step-by-step walk the down.* and up.reapply-differs checks share, walked once. */
    StepwiseWalk.Result stepWalk() {
        return stage(Stage.STEP_WALK, StepwiseWalk.Result.class, () -> {
            String skip = StepwiseWalk.skipReason(set, migrated());
            return skip != null ? StepwiseWalk.Result.notWalked(skip) : new StepwiseWalk(this).walk();
        });
    }

    /** {@link Stage#SEEDED}: each selected environment's seeds loaded into a clone of the migrated database, once. */
    Seeded seeded() {
        return stage(Stage.SEEDED, Seeded.class, this::seed);
    }

    private Seeded seed() {
        Path folder = options.seeds();
        String skip = folder == null ? "no seeds folder" : migrated().skipReason();
        if (skip != null) {
            return Seeded.notLoaded(skip, folder);
        }
        if (!Files.isDirectory(folder)) {
            return new Seeded(null, folder, true, List.of());
        }
        SeedFolder seeds = new SeedFolder(folder);
        List<Seeded.Environment> environments = new ArrayList<>();
        for (String environment : options.environments().isEmpty() ? seeds.environments() : options.environments()) {
            if (!seeds.has(environment)) {
                environments.add(new Seeded.Environment(environment, null, null));
                continue;
            }
            Database database = cloneOf(migrated().database(), "seed_" + environment);
            try {
                SeedLoader.load(database, set, folder, environment);
                environments.add(new Seeded.Environment(environment, database, null));
            } catch (HarnessException e) {
                if (e.code() == ErrorCode.ENVIRONMENT) {
                    throw e;
                }
                environments.add(new Seeded.Environment(environment, null, e));
                drop(database);
            }
        }
        return new Seeded(null, folder, false, environments);
    }

    /** {@link Stage#MEASURED}: the new migrations measured on rows, once (only when the set's risk checks are on). */
    Measured measured() {
        return stage(Stage.MEASURED, Measured.class, () -> new RiskWalk(this).walk());
    }

    /** The result of {@code stage}, computed by {@code compute} the first time; a failure is thrown every time. */
    private <T> T stage(Stage stage, Class<T> type, java.util.function.Supplier<T> compute) {
        Object result = stages.get(stage);
        if (result == null) {
            try {
                result = compute.get();
            } catch (RuntimeException e) {
                result = e;
            }
            stages.put(stage, result);
        }
        if (result instanceof RuntimeException e) {
            throw e;
        }
        return type.cast(result);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        List<Database> open;
        synchronized (databases) {
            open = List.copyOf(databases);
        }
        for (Database database : open) {
            try {
                drop(database);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
