package org.migrationharness.check;

import java.util.List;

import org.migrationharness.apply.ScriptMeasurement;
import org.migrationharness.source.Migration;
import org.migrationharness.source.RiskConfig;

/**
 * What {@link Stage#MEASURED} found: each new migration's up and down run on tables that held rows, as its tool runs
 * them, with the locks, rewrites, scans and times each statement caused, and the rows the rollback did not give back.
 *
 * @param skipReason why nothing was measured (off, up.apply failed, nothing new), or null
 * @param config the rows, production size and longest lock the measurement used
 * @param steps the measured migrations, in order
 * @param notes what the reader should know about the rows (seeds used, tables no rows could be generated for), or
 *        where the measurement stopped
 */
public record Measured(String skipReason, RiskConfig config, List<Step> steps, List<String> notes) {

    public Measured {
        steps = steps == null ? List.of() : List.copyOf(steps);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    static Measured skipped(String reason, RiskConfig config) {
        return new Measured(reason, config, List.of(), List.of());
    }

    /** The measured step of {@code version}, or null. */
    public Step of(String version) {
        return steps.stream().filter(s -> s.migration().version().text().equals(version)).findFirst().orElse(null);
    }

    /**
     * One migration measured.
     *
     * @param migration the migration
     * @param up its up script, measured
     * @param down its down script, measured right after the up, or null (no down, or a forward-only set)
     * @param losses what the down did not give back of the rows present before the up (empty without a down)
     */
    public record Step(Migration migration, ScriptMeasurement up, ScriptMeasurement down, List<Loss> losses) {

        public Step {
            losses = losses == null ? List.of() : List.copyOf(losses);
        }
    }

    /**
     * Rows or values present before up(k) that were not there after down(k).
     *
     * @param schema the table's schema
     * @param table the table
     * @param column the column whose values differ or are gone, or null for whole rows
     * @param rows how many rows lost them
     * @param of how many rows there were
     * @param how what happened: rows are gone, values differ, the column is gone, the table is gone
     */
    public record Loss(String schema, String table, String column, long rows, long of, String how) {
    }
}
