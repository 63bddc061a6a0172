package org.migrationharness.apply;

/**
 * One statement of a {@link MeasuredRun measured} script.
 *
 * @param index its 0-based index in the script
 * @param line the 1-based line of the file it starts on ({@link org.migrationharness.source.Script#lineInFile})
 * @param sql the statement's text
 * @param durationNanos how long the server took to run it (the harness's observations left out)
 * @param lockTimeoutMillis {@code lock_timeout} in the session right after it: the measured session starts with 0,
 *        so a value other than 0 is the script's own {@code SET}
 * @param nonTransactional whether it ran outside any transaction block, as a transaction of its own: seen from a
 *        second connection while it ran ({@code pg_stat_activity}: its transaction started with it), and from the
 *        server's transaction status before and after it (no block open), which also covers a statement too short to
 *        be seen
 */
public record StatementMeasurement(int index, int line, String sql, long durationNanos, long lockTimeoutMillis,
                                   boolean nonTransactional) {
}
