package org.migrationharness.check;

import java.util.ArrayList;
import java.util.List;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.apply.Migrator;
import org.migrationharness.postgres.Database;
import org.migrationharness.report.CheckId;
import org.migrationharness.report.Finding;
import org.migrationharness.report.Severity;
import org.migrationharness.schema.SchemaDiff;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;

/**
 * {@code chain.down-up}: what a real rollback does. From the fully migrated schema, down one step at a time to the
 * first version (or to the newest migration that cannot be reversed), then up all again with Flyway: every step
 * applies and the final schema equals the first full up. Unlike the step-by-step checks, errors accumulate here: a
 * down that leaves a trace can break a later down.
 */
final class ChainCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.CHAIN_DOWN_UP;
    }

    @Override
    public String skipReason(CheckContext context) {
        if (context.set().forwardOnly()) {
            return MigrationSet.FORWARD_ONLY;
        }
        if (context.migrated() == null) {
            return "up.apply failed";
        }
        List<Migration> migrations = context.set().migrations();
        return !migrations.isEmpty() && migrations.get(migrations.size() - 1).reversible()
                ? null : "the newest migration cannot be reversed";
    }

    @Override
    public void run(CheckContext context) {
        Database chain = context.cloneOf(context.migrated(), "chain");
        SchemaSnapshot full = context.migratedSnapshot();
        Migrator migrator = new Migrator(context.set(), chain);
        List<Migration> newestFirst = new ArrayList<>(context.set().migrations());
        java.util.Collections.reverse(newestFirst);
        String reached = null;
        for (Migration migration : newestFirst) {
            context.stopIfInterrupted();
            String version = migration.version().text();
            if (!migration.reversible()) {
                context.report(new Finding(id().id(), Severity.INFO, version, null, null, "The chain stops above "
                        + version + ": " + (migration.irreversible() ? "it is marked irreversible ("
                        + migration.irreversibleReason() + ")" : "it has no down script") + "."));
                break;
            }
            try {
                migrator.undoLast();
                reached = version;
            } catch (HarnessException e) {
                if (e.code() != ErrorCode.MIGRATION_FAILED) {
                    throw e;
                }
                context.report(Failure.of(id(), version, e, null,
                        "Walking down from the newest version, down(" + version + ") failed: " + e.getMessage()));
                break;
            }
        }
        try {
            migrator.migrateAll();
        } catch (HarnessException e) {
            if (e.code() != ErrorCode.MIGRATION_FAILED) {
                throw e;
            }
            context.report(Failure.of(id(), null, e, null, "After walking down to " + (reached == null ? "(nothing reverted)"
                    : "before V" + reached) + ", migrating up again failed: " + e.getMessage()));
            return;
        }
        String bottom = reached;
        DiffFindings.of(id(), null, null, SchemaDiff.between(full, context.snapshot(chain)), context.set().config().compare(),
                new DiffFindings.Wording(what -> "After walking down to before V" + bottom + " and up again, the " + what
                        + " differs from the first full up", "first up", "down and up again", null))
                .forEach(context::report);
    }
}
