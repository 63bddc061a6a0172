package org.migrationharness.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.schema.Difference;
import org.migrationharness.schema.SchemaDiff;
import org.migrationharness.source.CompareConfig;

/**
 * Turns a schema comparison into findings, the one way every check that compares snapshots reports them: the
 * differences of definition as one error finding, and the columns that only moved as a finding of their own, at the
 * set's {@code compare.column-order} level (warning unless configured; none for {@code ignore}). Neither finding's
 * text holds the other's differences.
 */
final class DiffFindings {

    private DiffFindings() {
    }

    /**
     * How a check words its findings.
     *
     * @param headline the first line's start for what differs ({@code "schema"} or {@code "column order"}), e.g.
     *                 {@code what -> "after U4 the " + what + " differs from before V4"}
     * @param leftLabel what the left side is called, e.g. {@code before V4}
     * @param rightLabel what the right side is called, e.g. {@code after U4}
     * @param fix the last line of the error finding (what to do), or null
     */
    record Wording(UnaryOperator<String> headline, String leftLabel, String rightLabel, String fix) {
    }

    /**
     * The findings of one comparison, none when the snapshots are the same.
     *
     * @param migration the version the findings are about, or null
     * @param file the file they point at, as displayed, or null
     */
    static List<Finding> of(CheckId check, String migration, String file, SchemaDiff diff, CompareConfig compare,
                            Wording wording) {
        List<Finding> findings = new ArrayList<>();
        SchemaDiff definition = diff.of(Difference.Kind.DEFINITION);
        if (!definition.isEmpty()) {
            findings.add(new Finding(check.id(), Severity.ERROR, migration, file, null,
                    text(wording, "schema", definition) + (wording.fix() == null ? "" : "\n" + wording.fix())));
        }
        SchemaDiff order = diff.of(Difference.Kind.COLUMN_ORDER);
        CompareConfig.Level level = compare.columnOrderLevel();
        level.severity().filter(severity -> !order.isEmpty()).ifPresent(severity -> findings.add(
                new Finding(check.id(), severity, migration, file, null, text(wording, "column order", order)
                        + "\nOnly the columns' positions differ (compare.column-order: " + level.id() + "): a column"
                        + " dropped and added again goes last. Recreate the table to restore the order, or accept it"
                        + " with compare: {column-order: ignore} in harness.yaml.")));
        return findings;
    }

    private static String text(Wording wording, String what, SchemaDiff diff) {
        return wording.headline().apply(what) + ": " + String.join(", ", diff.objects()) + "\n"
                + diff.describe(wording.leftLabel(), wording.rightLabel());
    }
}
