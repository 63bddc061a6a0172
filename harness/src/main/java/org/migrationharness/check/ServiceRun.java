package org.migrationharness.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.apply.Migrator;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.report.Finding;
import org.migrationharness.source.MigrationFormats;
import org.migrationharness.source.MigrationSet;

/** What the checks of one service share: the set, the server, the fully migrated database, the findings. */
final class CheckContext implements AutoCloseable {

    /**
     * The skip reason of a check that needs the fully migrated database when {@code up.apply} failed; the verifier
     * completes it with where up stopped ({@link #upApplyFailed()}).
     */
    static final String UP_APPLY_FAILED = "up.apply failed";

    private final MigrationSet set;
    private final PostgresServer server;
    private final VerifyOptions options;
    private final List<Finding> findings = new ArrayList<>();
    /** The databases created for this service and not dropped yet; the step walk's workers add and drop clones. */
    private final List<Database> databases = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Database> seeded = new LinkedHashMap<>();
    private Database migrated;
    private Database partlyMigrated;
    private String upFailedAt;
    private StepwiseWalk.Result stepwise;
    private SchemaSnapshot migratedSnapshot;
    private SchemaSnapshot expectationSnapshot;
    private Database dependencies;
    private final SchemaReader.Cache tables = new SchemaReader.Cache();

    CheckContext(MigrationSet set, PostgresServer server, VerifyOptions options) {
        this.set = set;
        this.server = server;
        this.options = options;
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

    void report(Finding finding) {
        findings.add(finding);
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
     * The schema of {@link #migrated()} ({@link #snapshot(Database)}), read once: every clone of it has the same
     * schema, so the checks that start from a clone compare with this one instead of reading the catalog again.
     */
    SchemaSnapshot migratedSnapshot() {
        if (migratedSnapshot == null) {
            migratedSnapshot = snapshot(migrated);
        }
        return migratedSnapshot;
    }

    /**
     * The schema of {@link #migrated()} exactly as {@code snapshot --write-expected} writes an expectation: the
     * service's declared schemas only (every non-system one when it declares none), without its own tool's bookkeeping.
     */
    SchemaSnapshot expectationSnapshot() {
        if (set.config().schemas().isEmpty() && options.dependencies().isEmpty()) {
            return migratedSnapshot(); // the same reading: every schema, the set's bookkeeping left out
        }
        if (expectationSnapshot == null) {
            expectationSnapshot = SchemaReader.read(migrated, set.config().schemas(),
                    MigrationFormats.of(set).bookkeepingTables(set.config()));
        }
        return expectationSnapshot;
    }

    /** The step-by-step walk the down.* and up.reapply-differs checks share; walked once, when first asked. */
    StepwiseWalk.Result stepwise() {
        if (stepwise == null) {
            stepwise = new StepwiseWalk(this).walk();
        }
        return stepwise;
    }

    /** The database with every migration applied, once {@code up.apply} passed; else null. */
    Database migrated() {
        return migrated;
    }

    void migrated(Database database) {
        this.migrated = database;
    }

    /**
     * Records that up.apply failed at {@code failedAt} (how the failing script is known, e.g. {@code V3}, or its file),
     * leaving {@code database} with the migrations before it applied.
     */
    void upFailed(Database database, String failedAt) {
        this.partlyMigrated = database;
        this.upFailedAt = failedAt;
    }

    /** The database up.apply left when a migration failed: the migrations before it applied; else null. */
    Database partlyMigrated() {
        return partlyMigrated;
    }

    /** Where up.apply stopped (e.g. {@code V3}), or null when it passed or did not run. */
    String upFailedAt() {
        return upFailedAt;
    }

    /** The skip reason of a check that needs the migrated database: {@code up.apply failed at V3}. */
    String upApplyFailed() {
        return upFailedAt == null ? UP_APPLY_FAILED : UP_APPLY_FAILED + " at " + upFailedAt;
    }

    /** The clones of {@link #migrated()} into which {@code seed.load} loaded each environment, by environment. */
    Map<String, Database> seeded() {
        return seeded;
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
