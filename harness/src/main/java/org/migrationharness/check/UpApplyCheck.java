package org.migrationharness.check;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.apply.Migrator;
import org.migrationharness.postgres.Database;
import org.migrationharness.report.CheckId;
import org.migrationharness.report.Finding;
import org.migrationharness.source.Migration;

/**
 * {@code up.apply}: every migration applies, with the set's tool, to a new empty database. When one fails, the
 * database keeps the migrations before it, for the checks that can still use them ({@code naming.object}).
 */
final class UpApplyCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.UP_APPLY;
    }

    @Override
    public String skipReason(CheckContext context) {
        return context.set().unreadable() ? "two migrations share a version" : null;
    }

    @Override
    public void run(CheckContext context) {
        Database database = context.newDatabase("up");
        try {
            new Migrator(context.set(), database).migrateAll();
            context.migrated(database);
        } catch (HarnessException e) {
            if (e.code() != ErrorCode.MIGRATION_FAILED) {
                throw e;
            }
            context.report(finding(context, e));
            context.upFailed(database, failedAt(context, e));
        }
    }

    /** How the failing script is known: its migration's up label ({@code V3}), else its file's name, else null. */
    private static String failedAt(CheckContext context, HarnessException e) {
        return e.file().map(file -> context.set().migrations().stream()
                .filter(m -> file.equals(m.up().file())).map(m -> m.up().label()).findFirst()
                .orElse(file.getFileName().toString())).orElse(null);
    }

    static Finding finding(CheckContext context, HarnessException e) {
        String version = e.file().flatMap(file -> context.set().migrations().stream()
                .filter(m -> file.equals(m.up().file()) || (m.down() != null && file.equals(m.down().file())))
                .map(Migration::version).map(Object::toString).findFirst()).orElse(null);
        return Failure.of(CheckId.UP_APPLY, version, e, null, e.getMessage());
    }
}
