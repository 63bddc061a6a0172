package org.migrationharness.extension;

import java.util.Set;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.check.Check;
import org.migrationharness.check.CheckContext;
import org.migrationharness.check.Stage;
import org.migrationharness.schema.SchemaSnapshot;

/**
 * A check a team writes in its own code, outside the harness: no column of the migrated schema is a floating-point
 * number (money and counts must be exact). Registered in {@code extension/META-INF/services} of the test resources.
 */
public final class NoFloatColumnsCheck implements Check {

    static final CheckId ID = CheckId.of("team.no-float-columns", "a column holds a floating-point number",
            """
            Proves: no column of the migrated schema is real or double precision.
            Fails when: a migration creates such a column.
            Example: CREATE TABLE payments (amount double precision);
            Fix: use numeric(12, 2), or an integer of the smallest unit.
            """);

    @Override
    public CheckId id() {
        return ID;
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
        SchemaSnapshot schema = context.snapshot(context.migrated().database());
        for (SchemaSnapshot.Table table : schema.tables()) {
            for (SchemaSnapshot.Column column : table.columns()) {
                if (column.type().equals("real") || column.type().equals("double precision")) {
                    context.report(new Finding(ID, Severity.ERROR, null, null, null, "Column " + table.schema() + "."
                            + table.name() + "." + column.name() + " is " + column.type() + ": use numeric."));
                }
            }
        }
    }
}
