package org.migrationharness.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.apply.Migrator;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaDiff;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.sql.Names;

/**
 * Every migration up, down and up again, one at a time, with a full catalog comparison at each step. Repeatable
 * migrations are left out here (they describe the newest schema); {@code chain.down-up} covers them.
 *
 * <p>One database climbs the versions, one at a time, with the format's runner ({@link Migrator#stepTo}). At each
 * version k that has a down script, a clone of it (a template copy: milliseconds) runs down(k) and up(k) again, so a
 * broken down(3) leaves the climb intact and cannot hide a broken down(7); statements that cannot run in a
 * transaction (CREATE INDEX CONCURRENTLY) work the same way. The climb goes on while workers, one per core, run the
 * steps on their clones (the server does most of the work); the findings are put in the order of the migrations.
 * Each step reads the schema three times (after up on the climb, after down and after up again on the clone); the
 * readings share a {@link org.migrationharness.schema.SchemaReader.Cache}, so each reads again only the tables the
 * step changed.
 */
public final class StepwiseWalk {

    private final ServiceRun context;

    StepwiseWalk(ServiceRun context) {
        this.context = context;
    }

    /**
     * Why the walk cannot run for {@code set}, or null when it can: a forward-only set, up.apply failed, no down script.
     */
    static String skipReason(MigrationSet set, Migrated migrated) {
        if (set.forwardOnly()) {
            return MigrationSet.FORWARD_ONLY;
        }
        if (migrated.skipReason() != null) {
            return migrated.skipReason();
        }
        return set.migrations().stream().anyMatch(Migration::reversible) ? null : "no migration has a down script";
    }

    /**
     * What the walk found: the result of {@link Stage#STEP_WALK}.
     *
     * @param skipReason why the walk did not run (a forward-only set, up.apply failed, no down script), or null
     * @param findings findings of down.apply, down.leaves-trace and up.reapply-differs
     * @param stoppedAt the version whose up failed, which ended the walk, or null
     * @param traces what each down that ran left different from the schema before its up (its down.leaves-trace
     *        finding, as data), in the order of the migrations; only downs that left something
     */
    public record Result(String skipReason, List<Finding> findings, String stoppedAt, List<Trace> traces) {

        static Result notWalked(String reason) {
            return new Result(reason, List.of(), null, List.of());
        }

        /** The findings of {@code check}, in the order of the migrations. */
        public List<Finding> of(CheckId check) {
            return findings.stream().filter(f -> f.isOf(check)).toList();
        }

        /** Whether the walk found {@code check} failing for {@code version} on its own (on a clone at that version). */
        public boolean failed(CheckId check, String version) {
            return of(check).stream().anyMatch(f -> version.equals(f.migration()) && f.severity() == Severity.ERROR);
        }
    }

    /**
     * What down(k) left different, on its own, from the schema before up(k).
     *
     * @param migration the migration whose down ran
     * @param difference the schema before up(k) (left) against the schema after down(k) (right)
     */
    public record Trace(Migration migration, SchemaDiff difference) {
    }

    Result walk() {
        List<Finding> findings = new ArrayList<>();
        List<Trace> traces = new ArrayList<>();
        Database climb = context.newDatabase("steps");
        createSchemas(climb);
        Migrator migrator = new Migrator(context.set(), climb).versionedOnly();
        SchemaSnapshot before = context.snapshot(climb);
        int workers = Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
        // a clone waits for a worker: at most a few at a time, so a long set never holds hundreds of databases
        Semaphore clones = new Semaphore(workers + 1);
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "step-walk-" + context.set().name());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Step>> steps = new ArrayList<>();
        String stoppedAt = null;
        try {
            for (Migration migration : context.set().migrations()) {
                context.stopIfInterrupted();
                if (Attempt.run(() -> migrator.stepTo(migration)).failed()) {
                    stoppedAt = migration.version().text(); // up.apply reports it
                    break;
                }
                SchemaSnapshot after = context.snapshot(climb);
                if (migration.reversible()) {
                    acquire(clones);
                    Database clone;
                    try {
                        clone = context.cloneOf(climb, "step_" + migration.version().text());
                    } catch (RuntimeException e) {
                        clones.release();
                        throw e;
                    }
                    SchemaSnapshot beforeUp = before;
                    steps.add(pool.submit(() -> {
                        try {
                            return step(migration, beforeUp, after, clone);
                        } finally {
                            clones.release();
                        }
                    }));
                }
                before = after;
            }
            for (Future<Step> step : steps) {
                Step result = await(step);
                findings.addAll(result.findings());
                if (result.trace() != null) {
                    traces.add(result.trace());
                }
            }
        } finally {
            pool.shutdownNow();
            awaitTermination(pool);
        }
        if (stoppedAt == null) {
            context.drop(climb);
        }
        return new Result(null, findings, stoppedAt, traces);
    }

    /** Steps run at once, each on its own clone: the server does most of the work, on every core it has. */
    private static final int MAX_WORKERS = 4;

    /** What one step found: its findings in order, and what its down left behind, or null. */
    private record Step(List<Finding> findings, Trace trace) {
    }

    private void acquire(Semaphore clones) {
        try {
            clones.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException(ErrorCode.ENVIRONMENT, "The run was interrupted.");
        }
    }

    private static Step await(Future<Step> step) {
        try {
            return step.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException(ErrorCode.ENVIRONMENT, "The run was interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for running steps to end (each ends its statements within the script timeouts) before the context closes. */
    private static void awaitTermination(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** down(k) then up(k) on {@code clone}, a copy of the database at version k, which it drops. */
    private Step step(Migration migration, SchemaSnapshot before, SchemaSnapshot after, Database clone) {
        List<Finding> findings = new ArrayList<>();
        String version = migration.version().text();
        String up = migration.up().fileName();
        String down = migration.down().fileName();
        String upLabel = migration.up().label();
        String downLabel = migration.down().label();
        try {
            Migrator migrator = new Migrator(context.set(), clone).versionedOnly();
            Optional<Finding> downFailed = Attempt.run(migrator::undoLast).finding(CheckId.DOWN_APPLY, version,
                    migration.down().file(), e -> e.getMessage() + "\nFix " + down + " so that it reverses " + up + ".");
            if (downFailed.isPresent()) {
                findings.add(downFailed.get());
                return new Step(findings, null);
            }
            SchemaDiff leftBehind = SchemaDiff.between(before, context.snapshot(clone));
            Trace trace = leftBehind.isEmpty() ? null : new Trace(migration, leftBehind);
            findings.addAll(DiffFindings.of(CheckId.DOWN_LEAVES_TRACE, version, DisplayPath.of(migration.down().file()),
                    leftBehind, context.set().config().compare(),
                    new DiffFindings.Wording(what -> "after " + downLabel + " the " + what + " differs from before " + upLabel,
                            "before " + upLabel, "after " + downLabel, "Make " + down + " drop or restore each of these.")));
            Optional<Finding> upFailed = Attempt.run(() -> migrator.stepTo(migration)).finding(
                    CheckId.UP_REAPPLY_DIFFERS, version, migration.up().file(), e -> upLabel
                            + " fails when applied again after " + downLabel + ": " + e.getMessage()
                            + "\n" + down + " leaves something behind that " + up + " then collides with.");
            if (upFailed.isPresent()) {
                findings.add(upFailed.get());
                return new Step(findings, trace);
            }
            findings.addAll(DiffFindings.of(CheckId.UP_REAPPLY_DIFFERS, version, DisplayPath.of(migration.up().file()),
                    SchemaDiff.between(after, context.snapshot(clone)), context.set().config().compare(),
                    new DiffFindings.Wording(what -> upLabel + " applied again after " + downLabel + " gives a different "
                            + what + " than the first time", "first " + upLabel,
                            "after " + downLabel + " and " + upLabel + " again",
                            down + " restores something differently, or leaves something " + up + " then keeps.")));
            return new Step(findings, trace);
        } finally {
            context.drop(clone);
        }
    }

    /** The schemas Flyway would create, so the first snapshot and the one after down(1) see the same schemas. */
    private void createSchemas(Database database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String schema : context.set().config().schemas()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + Names.quote(schema));
            }
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot create the service's schemas in " + database.name()
                    + ": " + e.getMessage(), e);
        }
    }
}
