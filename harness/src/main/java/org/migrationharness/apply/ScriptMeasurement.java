package org.migrationharness.apply;

import java.util.List;

import org.migrationharness.source.Script;

/**
 * What {@link MeasuredRun} saw while a script ran.
 *
 * @param script the script
 * @param up whether it is the up script of its migration
 * @param transactional whether it ran in one transaction opened for it (as its tool would)
 * @param durationNanos the time the server spent on its statements and on the commit, the observations left out
 * @param statements each statement, in order
 * @param tables each table that existed before it, by schema and name
 * @param observationNanos the time spent observing between statements: part of the time locks were held (in one
 *        transaction), not of the durations
 */
public record ScriptMeasurement(Script script, boolean up, boolean transactional, long durationNanos,
                                List<StatementMeasurement> statements, List<TableObservation> tables,
                                long observationNanos) {

    public ScriptMeasurement {
        statements = List.copyOf(statements);
        tables = List.copyOf(tables);
    }

    /** The observation of {@code schema.table}, if it existed before the script. */
    public java.util.Optional<TableObservation> table(String schema, String table) {
        return tables.stream().filter(t -> t.schema().equals(schema) && t.table().equals(table)).findFirst();
    }
}
