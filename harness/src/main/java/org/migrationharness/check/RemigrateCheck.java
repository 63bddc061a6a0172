package org.migrationharness.check;

import java.util.Set;
import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.apply.ApplyResult;
import org.migrationharness.apply.Migrator;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaDiff;
import org.migrationharness.schema.SchemaSnapshot;

/**
 * {@code idempotency.remigrate}: migrating an up-to-date database again applies nothing and changes nothing (a
 * repeatable migration whose content depends on the time, or a callback that alters the schema, would).
 */
final class RemigrateCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.IDEMPOTENCY_REMIGRATE;
    }

    @Override
    public Set<Stage> needs() {
        return Set.of(Stage.MIGRATED);
    }

    @Override
    public String skipReason(CheckContext context) {
        return context.migrated().skipReason();
    }

    @Override
    public void run(CheckContext context) {
        Database database = context.cloneOf(context.migrated().database(), "remigrate");
        SchemaSnapshot before = context.migratedSnapshot();
        Attempt<ApplyResult> attempt = Attempt.get(() -> new Migrator(context.set(), database).migrateAll());
        if (attempt.failed()) {
            attempt.finding(id(), null, null, e -> "Migrating an up-to-date database again failed: " + e.getMessage())
                    .ifPresent(context::report);
            return;
        }
        ApplyResult again = attempt.value();
        if (!again.applied().isEmpty()) {
            context.report(new Finding(id(), Severity.ERROR, null, null, null,
                    "Migrating an up-to-date database again applied " + again.applied()
                            + "; expected nothing.\nA repeatable migration whose text changes between runs, or a callback,"
                            + " re-applies on every deploy."));
        }
        DiffFindings.of(id(), null, null, SchemaDiff.between(before, context.snapshot(database)),
                context.set().config().compare(), new DiffFindings.Wording(
                        what -> "Migrating an up-to-date database again changed the " + what, "before",
                        "after migrating again", null))
                .forEach(context::report);
    }
}
