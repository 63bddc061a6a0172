package org.migrationharness.check;

/**
 * What a check needs computed before it can judge a set ({@link Check#needs()}). The verifier computes each stage once
 * per set, when the first check that declared it asks ({@link CheckContext}), and every later check gets the same
 * result; a check gets only what it declared.
 */
public enum Stage {
    /** Every migration applied with the set's tool to a new database ({@link Migrated}): what {@code up.apply} judges. */
    MIGRATED,
    /** Every migration up, down and up again, one at a time ({@link StepwiseWalk.Result}). */
    STEP_WALK,
    /** Each environment's seeds loaded into its own copy of the migrated database ({@link Seeded}). */
    SEEDED,
    /**
     * Each new migration's up and down run on tables that hold rows, their locks, rewrites, scans and the data the
     * rollback lost measured ({@link Measured}); only with {@code verify --risk} or {@code risk: true}.
     */
    MEASURED
}
