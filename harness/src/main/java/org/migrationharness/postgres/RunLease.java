package org.migrationharness.postgres;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who owns the databases a run creates on a server it does not own, so that a later run can tell those of a run that
 * is gone (killed, or its machine lost) from those of a run still going, and drop only the former.
 *
 * <p>Each database the harness creates carries a comment naming its run ({@code migration-harness run 5f3a9c21 pid
 * 4242 host ci-7 started 2026-12-01T14:00:00Z}). While the run lives, one of its sessions holds a session-level
 * advisory lock keyed by the run: the server releases it the moment that session ends, however the process ended
 * (a SIGKILL too). A database whose comment names a run whose lock nobody holds belongs to a run that is gone.
 */
final class RunLease implements AutoCloseable {

    /** The first key of the advisory lock: "mh". */
    static final int LOCK_CLASS = 0x6d68;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern COMMENT = Pattern.compile("migration-harness run ([0-9a-f]{8}) .*");

    private final int runKey;
    private final String comment;
    private final Connection holder;

    private RunLease(int runKey, String comment, Connection holder) {
        this.runKey = runKey;
        this.comment = comment;
        this.holder = holder;
    }

    /** Takes a new run's lease on {@code connection}, which stays open until {@link #close()}. */
    static RunLease take(Connection connection) throws SQLException {
        int key = RANDOM.nextInt(Integer.MAX_VALUE);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, key);
            lock.execute();
        }
        String comment = "migration-harness run " + String.format("%08x", key) + " pid " + ProcessHandle.current().pid()
                + " host " + hostName() + " started " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new RunLease(key, comment, connection);
    }

    /** The comment that marks a database as this run's. */
    String comment() {
        return comment;
    }

    /** A database left by a run that is gone: its name and the comment that says whose it was. */
    record Orphan(String database, String comment) {
    }

    /**
     * The databases named {@code mh_*} that carry a run's comment and whose run holds no lease any more. Databases
     * without such a comment are never listed: the harness did not create them, or cannot tell.
     */
    static List<Orphan> orphans(Connection connection) throws SQLException {
        List<Orphan> orphans = new ArrayList<>();
        String sql = """
                SELECT d.datname, shobj_description(d.oid, 'pg_database')
                FROM pg_database d
                WHERE d.datname LIKE 'mh\\_%' AND shobj_description(d.oid, 'pg_database') LIKE 'migration-harness run %'
                ORDER BY d.datname""";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Matcher matcher = COMMENT.matcher(rs.getString(2));
                if (matcher.matches() && !alive(connection, (int) Long.parseLong(matcher.group(1), 16))) {
                    orphans.add(new Orphan(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return orphans;
    }

    private static boolean alive(Connection connection, int key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT 1 FROM pg_locks
                WHERE locktype = 'advisory' AND classid = ?::oid AND objid = ?::oid AND objsubid = 2""")) {
            statement.setLong(1, LOCK_CLASS);
            statement.setLong(2, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /** Ends the lease: closing its session releases the lock. */
    @Override
    public void close() {
        try {
            holder.close();
        } catch (SQLException e) {
            // the session is gone either way
        }
    }

    @Override
    public String toString() {
        return "RunLease[" + String.format("%08x", runKey) + "]";
    }
}
