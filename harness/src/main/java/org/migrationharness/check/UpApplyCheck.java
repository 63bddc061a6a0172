package org.migrationharness.check;

import java.util.Set;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;

/**
 * {@code up.apply}: every migration applies, with the set's tool, to a new empty database ({@link Stage#MIGRATED}).
 * When one fails, the database keeps the migrations before it, for the checks that can still use them
 * ({@code naming.object}).
 */
final class UpApplyCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.UP_APPLY;
    }

    @Override
    public Set<Stage> needs() {
        return Set.of(Stage.MIGRATED);
    }

    @Override
    public String skipReason(CheckContext context) {
        return context.migrated() instanceof Migrated.NotRun notRun ? notRun.reason() : null;
    }

    @Override
    public void run(CheckContext context) {
        Migrated migrated = context.migrated();
        if (migrated instanceof Migrated.Broken broken) {
            throw broken.failure();
        }
        if (migrated instanceof Migrated.Failed failed) {
            context.report(finding(context.set(), failed.failure()));
        }
    }

    static Finding finding(MigrationSet set, HarnessException e) {
        String version = e.file().flatMap(file -> set.migrations().stream()
                .filter(m -> file.equals(m.up().file()) || (m.down() != null && file.equals(m.down().file())))
                .map(Migration::version).map(Object::toString).findFirst()).orElse(null);
        return Attempt.of(CheckId.UP_APPLY, version, e, null, e.getMessage());
    }
}
