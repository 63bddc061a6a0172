package org.migrationharness.check;

import java.util.List;
import java.util.Set;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.source.MigrationSet;

/**
 * What one check of one set is given: the set and its options, the results of the stages it declared
 * ({@link Check#needs()}), a way to report findings, and databases of its own on the run's server. Asking for a stage
 * the check did not declare is a mistake of the check ({@link IllegalStateException}).
 */
public final class CheckContext {

    private final ServiceRun run;
    private final CheckId check;
    private final Set<Stage> needs;

    CheckContext(ServiceRun run, CheckId check, Set<Stage> needs) {
        this.run = run;
        this.check = check;
        this.needs = Set.copyOf(needs);
    }

    /** The set being checked. */
    public MigrationSet set() {
        return run.set();
    }

    /** How the set is verified: its expectation, seeds, base, the services it depends on. */
    public VerifyOptions options() {
        return run.options();
    }

    /** The id of the check this context is given to. */
    public CheckId check() {
        return check;
    }

    /** Reports a finding; an error finding fails the check. */
    public void report(Finding finding) {
        run.report(finding);
    }

    /** {@link Stage#MIGRATED}, computed once for the set. */
    public Migrated migrated() {
        declared(Stage.MIGRATED);
        return run.migrated();
    }

    /** {@link Stage#STEP_WALK}, walked once for the set. */
    public StepwiseWalk.Result stepWalk() {
        declared(Stage.STEP_WALK);
        return run.stepWalk();
    }

    /** {@link Stage#SEEDED}, loaded once for the set. */
    public Seeded seeded() {
        declared(Stage.SEEDED);
        return run.seeded();
    }

    /** {@link Stage#MEASURED}, measured once for the set. */
    public Measured measured() {
        declared(Stage.MEASURED);
        return run.measured();
    }

    /**
     * A new database for this set, dropped when the set's checks end: empty, or, for a set that depends on others, a
     * copy of one where they are migrated.
     */
    public Database newDatabase(String purpose) {
        return run.newDatabase(purpose);
    }

    /** A copy of {@code template} (no connection may be open to it), dropped when the set's checks end. */
    public Database cloneOf(Database template, String purpose) {
        return run.cloneOf(template, purpose);
    }

    /** Drops a database this set's checks made, before the end. */
    public void drop(Database database) {
        run.drop(database);
    }

    /**
     * The schema of a whole database as the harness's checks compare it: every non-system schema, without the
     * bookkeeping tables of the set's tool and of its dependencies' tools.
     */
    public SchemaSnapshot snapshot(Database database) {
        return run.snapshot(database);
    }

    /** Ends the check at once when the run was interrupted (Ctrl-C); a long check calls it between steps. */
    public void stopIfInterrupted() {
        run.stopIfInterrupted();
    }

    /** The major version of the run's server, e.g. 16. */
    public int serverMajorVersion() {
        return run.server().majorVersion();
    }

    /** The schema of the migrated database ({@link #snapshot(Database)}), read once for the set. */
    SchemaSnapshot migratedSnapshot() {
        declared(Stage.MIGRATED);
        return run.migratedSnapshot();
    }

    /** The schema of the migrated database exactly as {@code snapshot --write-expected} writes an expectation. */
    SchemaSnapshot expectationSnapshot() {
        declared(Stage.MIGRATED);
        return run.expectationSnapshot();
    }

    /** The schemas of the services this one depends on: theirs, not checked here. */
    List<String> dependencySchemas() {
        return run.dependencySchemas();
    }

    private void declared(Stage stage) {
        if (!needs.contains(stage)) {
            throw new IllegalStateException("Check " + check.id() + " asks for stage " + stage + " but does not declare"
                    + " it in needs()");
        }
    }
}
