package org.migrationharness.apply;

import java.util.List;

/**
 * What a {@link MeasuredRun measured} script did to one table (relkind {@code r}, {@code p} or {@code m}) of a
 * non-system schema that existed before it.
 *
 * @param schema the table's schema
 * @param table its name
 * @param rows its exact {@code count(*)} before the script
 * @param locks the locks the script took on it, in the order they were taken
 * @param rewritten whether a statement gave it a new file ({@code pg_class.relfilenode} changed: a rewrite, also
 *        {@code TRUNCATE}, {@code VACUUM FULL}, {@code CLUSTER})
 * @param rewrittenBy the index of the first statement that did, or null
 * @param seqTuplesRead the rows read from it by sequential scans during the script
 * @param scannedBy the indexes of the statements that read it sequentially
 * @param dropped whether it no longer exists after the script
 */
public record TableObservation(String schema, String table, long rows, List<HeldLock> locks, boolean rewritten,
                               Integer rewrittenBy, long seqTuplesRead, List<Integer> scannedBy, boolean dropped) {

    public TableObservation {
        locks = List.copyOf(locks);
        scannedBy = List.copyOf(scannedBy);
    }
}
