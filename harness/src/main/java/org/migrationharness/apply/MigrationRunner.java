package org.migrationharness.apply;

import java.util.List;
import java.util.ServiceLoader;

import org.migrationharness.postgres.Database;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.Script;

/**
 * The applying half of a migration format (the reading half is {@link org.migrationharness.source.MigrationFormat},
 * with the same {@link #format()} id): how the tool executes a script (transactions, statement splitting) and keeps
 * its bookkeeping table, created and updated on up and down exactly as the tool does. Found with
 * {@link ServiceLoader}. {@link Migrator} is the one way the rest of the harness uses it.
 */
public interface MigrationRunner {

    /** The id of the format this runner applies. */
    String format();

    /** This runner on one database, for one set. */
    OnDatabase on(MigrationSet set, Database database);

    /** A runner bound to a set and a database. */
    interface OnDatabase {

        /**
         * Applies the pending migrations up to and including {@code target} (every one when null), as the tool does.
         *
         * @param withExtras whether the format's extras run too (Flyway's repeatables): only when migrating to the
         *        latest version
         * @return what was applied, in order (versions, or descriptions for extras)
         * @throws org.migrationharness.HarnessException with {@link org.migrationharness.ErrorCode#MIGRATION_FAILED}
         *         naming the file and the line of the failing statement
         */
        List<String> migrate(String target, boolean withExtras);

        /**
         * Applies {@code migration}, the next pending one, for a walk that moves one version at a time: what
         * {@link #migrate migrate(version, false)} does, which is the default; a runner may skip the work it does on
         * every call for the whole set (Flyway scans, parses and validates every file), never what happens to the
         * database.
         *
         * @return what was applied
         */
        default List<String> step(Migration migration) {
            return migrate(migration.version().text(), false);
        }

        /**
         * Runs the migration's down script and removes the migration from the bookkeeping, in one transaction where
         * the script allows one.
         */
        void undo(Migration migration, Script down);

        /** The applied versions, in the order they were applied. */
        List<String> appliedVersions();

        /**
         * How the tool sends {@code script}, the up ({@code up}) or down script of {@code migration}, to the server: in
         * one transaction, statement by statement each on its own, or whole.
         */
        Execution execution(Migration migration, Script script, boolean up);

        /** A script's text as the server receives it (the tool's placeholders replaced, for instance). */
        String text(Script script);

        /** The bookkeeping table, schema-qualified and quoted, for messages. */
        String bookkeeping();
    }
}
