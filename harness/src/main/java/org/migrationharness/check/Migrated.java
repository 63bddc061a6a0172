package org.migrationharness.check;

import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;

/** The result of {@link Stage#MIGRATED}: every migration of the set applied to a new database, or why not. */
public sealed interface Migrated {

    /** Every migration applied: {@code database} holds the fully migrated schema. */
    record Passed(Database database) implements Migrated {
    }

    /**
     * A migration failed ({@code up.apply}'s finding): {@code partial} holds the migrations before it.
     *
     * @param failedAt how the failing script is known ({@code V3}, or its file's name), or null
     */
    record Failed(Database partial, String failedAt, HarnessException failure) implements Migrated {
    }

    /** Applying was not tried: the set cannot be applied as its files say (two migrations share a version). */
    record NotRun(String reason) implements Migrated {
    }

    /** Applying could not be tried to the end for a reason that is no migration's (the server, a dependency). */
    record Broken(HarnessException failure) implements Migrated {
    }

    /**
     * The skip reason of a check that needs the migrated database, as reports show it, or null when every migration
     * applied: {@code up.apply failed at V3}, {@code up.apply skipped: two migrations share a version}.
     */
    default String skipReason() {
        if (this instanceof Passed) {
            return null;
        }
        if (this instanceof NotRun notRun) {
            return "up.apply skipped: " + notRun.reason();
        }
        if (this instanceof Failed failed && failed.failedAt() != null) {
            return "up.apply failed at " + failed.failedAt();
        }
        return "up.apply failed";
    }

    /** The fully migrated database; only when every migration applied (a check that can run has {@code skipReason()} null). */
    default Database database() {
        if (this instanceof Passed passed) {
            return passed.database();
        }
        throw new IllegalStateException("No migrated database: " + skipReason());
    }
}
