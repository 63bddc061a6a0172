package org.migrationharness.check;

import java.util.ArrayList;
import java.util.List;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationFormats;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.source.naming.Baseline;

/**
 * {@code down.missing}: every migration has a down script, or one that marks it irreversible with a reason (reported
 * as info, so the reason shows in every report). Skipped for a forward-only set ({@link MigrationSet#forwardOnly()}),
 * which has no down scripts by design. With a baseline ({@code reversible-since: 41}) only the migrations after it need
 * one; an info line says how many before it have none.
 */
final class DownMissingCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.DOWN_MISSING;
    }

    @Override
    public String skipReason(CheckContext context) {
        return context.set().forwardOnly() ? MigrationSet.FORWARD_ONLY : null;
    }

    @Override
    public void run(CheckContext context) {
        context.set().problems(id()).forEach(context::report);
        Baseline.Scope baseline = context.set().reversibleBaseline();
        int withoutDown = 0;
        List<Finding> findings = new ArrayList<>();
        for (Migration migration : context.set().migrations()) {
            String version = migration.version().text();
            if (migration.down() == null && baseline.covers(version)) {
                withoutDown++;
            } else if (migration.irreversible()) {
                findings.add(new Finding(id(), Severity.INFO, version, DisplayPath.of(migration.down().file()), null,
                        "Migration " + version + " is marked irreversible: " + migration.irreversibleReason()));
            } else if (migration.down() == null) {
                String expected = MigrationFormats.of(context.set()).missingDown(migration);
                findings.add(new Finding(id(), Severity.ERROR, version, DisplayPath.of(migration.up().file()), null,
                        "Migration " + version + " (" + migration.up().fileName() + ") has no down script.\n"
                                + "Expected " + expected + ". If it cannot be reversed, write that file with only the line"
                                + "\n  -- " + MigrationSetReader.IRREVERSIBLE_MARKER + " <why>"));
            }
        }
        if (baseline.present()) {
            context.report(baseline.info(id(), "", "not checked for a down script: " + withoutDown + " of them "
                    + (withoutDown == 1 ? "has" : "have") + " none", "Every migration after " + baseline.label()
                    + " needs one"));
        }
        findings.forEach(context::report);
    }
}
