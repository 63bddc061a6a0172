package org.migrationharness.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.Script;
import org.migrationharness.source.Timeouts;
import org.migrationharness.sql.Names;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Runs one script as its set's tool runs it and measures what it does to the tables that existed before it: the locks
 * it takes and how long it holds them, the tables it rewrites and those it reads sequentially, statement by statement.
 * The tool's bookkeeping table is neither written nor observed: the caller moves the versions itself.
 *
 * <p>How the script runs: the statements the tool sends ({@link MigrationRunner.OnDatabase#text}, split as the
 * tool splits it), on a session set up as the tool's runner sets it up (the service's schemas created, its default
 * schema first on the search path, the statement timeout) but with {@code lock_timeout = 0}, so that a lock timeout
 * seen is the script's own; by the tool's transaction rule ({@link MigrationRunner.OnDatabase#execution}):
 * <ul>
 *   <li>{@link Execution#TRANSACTION}, and {@link Execution#TRANSACTION_UNLESS_IMPOSSIBLE} when every statement can run
 *       in a transaction: one by one in one transaction, committed after the last;</li>
 *   <li>{@link Execution#AUTOCOMMIT}, and the other when a statement cannot run in a transaction: one by one, each
 *       committing on its own unless the script opened a transaction block itself ({@code BEGIN ... COMMIT});</li>
 *   <li>{@link Execution#WHOLE_SCRIPT}: the tool sends the whole text as one query, which PostgreSQL runs as one
 *       implicit transaction, unless the text holds transaction control or is a single statement. It is mirrored
 *       statement by statement, so that each can be observed: in one transaction, or each on its own when the script
 *       holds transaction control ({@code BEGIN}, {@code COMMIT}, ...) or has one statement. (With its own
 *       {@code BEGIN}, the statements before it in the same query would join that block on the server; here they
 *       commit on their own.)</li>
 * </ul>
 *
 * <p>How it is observed, for each table of relkind {@code r}, {@code p} or {@code m} outside the system schemas:
 * <ul>
 *   <li>before the script, from another connection: its oid, file ({@code relfilenode}) and exact {@code count(*)};
 *       that connection's statistics are flushed ({@code pg_stat_force_next_flush()}) before the script starts;</li>
 *   <li>after each statement, on the script's own connection (in its transaction, when it has one): the granted
 *       relation locks of the session ({@code pg_locks} for {@code pg_backend_pid()}); the file
 *       ({@code pg_class.relfilenode}, which the session sees changed before its commit: a rewrite); the sequential
 *       scans and the rows they read, as the sum of the flushed counters ({@code pg_stat_get_numscans},
 *       {@code pg_stat_get_tuples_returned}, what {@code pg_stat_user_tables} shows) and the session's pending ones
 *       ({@code pg_stat_get_xact_*}, what {@code pg_stat_xact_user_tables} shows), so that a flush between two
 *       observations changes nothing (outside a transaction block the counters are first flushed with
 *       {@code pg_stat_force_next_flush()}); {@code current_setting('lock_timeout')}. A statement whose counters grew
 *       scanned the table; a lock first seen after statement i was taken by i and is held until its transaction
 *       ends;</li>
 *   <li>while a statement runs outside any transaction block (its own transaction, as {@code CREATE INDEX
 *       CONCURRENTLY} must), another connection polls {@code pg_locks} for the script's backend every 2 ms: its locks
 *       are gone when it returns; they are held for its duration. A lock held for less than a poll may be missed. The
 *       same poll sees it run in a transaction of its own ({@code pg_stat_activity}: its transaction started with
 *       it), what the server's transaction status before and after it says too.</li>
 * </ul>
 * The observation after a statement is one query (two outside a transaction block), about as long as a round trip
 * and a scan of {@code pg_locks}: 1 to 3 ms per statement on a loaded test machine
 * ({@link ScriptMeasurement#observationNanos()}). It is left out of the durations, and is part of the time locks are
 * held in a transaction.
 */
public final class MeasuredRun {

    /** How often the locks of a statement that runs in a transaction of its own are polled. */
    private static final long POLL_NANOS = 2_000_000;

    private MeasuredRun() {
    }

    /**
     * Runs {@code script} (the up or down of {@code migration}) on {@code database} as the set's tool runs it: its
     * text as the tool sends it ({@link MigrationRunner.OnDatabase#text}), its transaction rule
     * ({@link MigrationRunner.OnDatabase#execution}), the tool's session settings; without touching the tool's
     * bookkeeping table. Observes every table that existed before it.
     *
     * @throws HarnessException with {@link ErrorCode#MIGRATION_FAILED} naming the file and the line of a failing
     *         statement (the script's transaction rolled back), {@link ErrorCode#ENVIRONMENT} when the server cannot
     *         be used
     */
    public static ScriptMeasurement run(MigrationSet set, Database database, Migration migration, Script script,
                                        boolean up) {
        MigrationRunner.OnDatabase runner = MigrationRunners.of(set.format()).on(set, database);
        List<SqlStatement> statements = runner instanceof ScriptRunner tool ? tool.statements(migration, script)
                : SqlScript.split(runner.text(script));
        boolean transactional = switch (runner.execution(migration, script, up)) {
            case TRANSACTION -> true;
            case TRANSACTION_UNLESS_IMPOSSIBLE -> statements.stream().noneMatch(SqlStatement::nonTransactional);
            case AUTOCOMMIT -> false;
            case WHOLE_SCRIPT -> statements.size() > 1
                    && statements.stream().noneMatch(SqlStatement::isTransactionControl);
        };
        RunningScripts.started(script.file(), up ? "up" : "down", database.name());
        try {
            List<Table> tables = tablesBefore(database, runner.bookkeeping());
            Run run = new Run(set, database, runner, migration, script, up, statements, transactional, tables);
            return run.measure();
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot measure " + DisplayPath.of(script.file())
                    + " on database " + database.name() + ": " + e.getMessage(), e);
        } finally {
            RunningScripts.finished();
        }
    }

    /** The tables before the script, with their files and exact row counts; the statistics of the counting flushed. */
    private static List<Table> tablesBefore(Database database, String bookkeeping) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (Connection connection = database.connect()) {
            try (PreparedStatement list = connection.prepareStatement("SELECT c.oid::bigint, n.nspname, c.relname,"
                    + " c.relfilenode::bigint, c.relkind <> 'm' OR c.relispopulated FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm')"
                    + " AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'"
                    + " AND c.oid IS DISTINCT FROM to_regclass(?) ORDER BY n.nspname, c.relname")) {
                list.setString(1, bookkeeping);
                try (ResultSet rs = list.executeQuery()) {
                    while (rs.next()) {
                        tables.add(new Table(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getBoolean(5) ? 0 : -1));
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (Table table : tables) {
                    if (table.rows < 0) {
                        table.rows = 0; // a materialized view never populated cannot be read
                        continue;
                    }
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + Names.quote(table.schema)
                            + "." + Names.quote(table.name))) {
                        rs.next();
                        table.rows = rs.getLong(1);
                    }
                }
                // the counting's scans are flushed now, not in the middle of the script's statements
                statement.execute("SELECT pg_stat_force_next_flush()");
            }
        }
        return tables;
    }

    /** One table's observations, as they accumulate. */
    private static final class Table {

        final long oid;
        final String schema;
        final String name;
        long rows;
        long filenode;
        Integer rewrittenBy;
        long scans;
        long tuples;
        long tuplesRead;
        final List<Integer> scannedBy = new ArrayList<>();
        final List<Taken> locks = new ArrayList<>();
        boolean dropped;

        Table(long oid, String schema, String name, long filenode, long rows) {
            this.oid = oid;
            this.schema = schema;
            this.name = name;
            this.filenode = filenode;
            this.rows = rows;
        }

        TableObservation observation() {
            return new TableObservation(schema, name, rows,
                    locks.stream().map(t -> new HeldLock(t.mode, t.takenBy, t.heldNanos)).toList(),
                    rewrittenBy != null, rewrittenBy, tuplesRead, scannedBy, dropped);
        }
    }

    /** A lock taken by a statement; held until {@link #heldNanos} is set. */
    private static final class Taken {

        final String mode;
        final int takenBy;
        final long since;
        long heldNanos = -1;

        Taken(String mode, int takenBy, long since) {
            this.mode = mode;
            this.takenBy = takenBy;
            this.since = since;
        }
    }

    /** A lock as {@code pg_locks} shows it. */
    private record Key(long oid, String mode) {
    }

    /** What one observation query saw of a table. */
    private record Seen(Long filenode, long scans, long tuples, Set<String> modes) {
    }

    /** One measured run of a script. */
    private static final class Run {

        private final MigrationSet set;
        private final Database database;
        private final MigrationRunner.OnDatabase runner;
        private final Migration migration;
        private final Script script;
        private final boolean up;
        private final List<SqlStatement> statements;
        private final boolean transactional;
        private final Map<Long, Table> tables = new LinkedHashMap<>();
        private final String observation;
        /** The locks taken in the transaction block open now, by table and mode. */
        private final Map<Key, Taken> open = new LinkedHashMap<>();
        private long observing;

        Run(MigrationSet set, Database database, MigrationRunner.OnDatabase runner, Migration migration, Script script,
            boolean up, List<SqlStatement> statements, boolean transactional, List<Table> tables) {
            this.set = set;
            this.database = database;
            this.runner = runner;
            this.migration = migration;
            this.script = script;
            this.up = up;
            this.statements = statements;
            this.transactional = transactional;
            tables.forEach(t -> this.tables.put(t.oid, t));
            this.observation = tables.isEmpty() ? "SELECT NULL::bigint, NULL::bigint, 0::bigint, 0::bigint, NULL::text,"
                    + " current_setting('lock_timeout')"
                    : "SELECT o.oid::bigint, c.relfilenode::bigint,"
                    + " pg_stat_get_numscans(o.oid) + pg_stat_get_xact_numscans(o.oid),"
                    + " pg_stat_get_tuples_returned(o.oid) + pg_stat_get_xact_tuples_returned(o.oid),"
                    + " held.modes, current_setting('lock_timeout')"
                    + " FROM unnest(" + oidArray(this.tables.keySet()) + ") AS o(oid) LEFT JOIN pg_class c ON c.oid = o.oid"
                    + " LEFT JOIN (SELECT relation, string_agg(mode, ',') AS modes FROM pg_locks"
                    + " WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND mode <> 'SIReadLock'"
                    + " GROUP BY relation) held ON held.relation = o.oid";
        }

        private static String oidArray(Set<Long> oids) {
            return "'{" + oids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}'::oid[]";
        }

        ScriptMeasurement measure() throws SQLException {
            List<StatementMeasurement> measured = new ArrayList<>();
            long duration = 0;
            try (Connection connection = ScriptRunner.connect(set, database, true);
                 LockPoller poller = transactional ? null : new LockPoller(database, pid(connection), tables.keySet())) {
                try (Statement session = connection.createStatement()) {
                    session.execute("SET lock_timeout = 0");
                }
                connection.setAutoCommit(!transactional);
                long start = System.nanoTime();
                observe(connection, -1, start, state(connection));
                observing += System.nanoTime() - start;
                SqlStatement current = null;
                try {
                    for (int i = 0; i < statements.size(); i++) {
                        current = statements.get(i);
                        boolean inBlock = transactional || state(connection) != TransactionState.IDLE;
                        if (!inBlock) {
                            poller.start(i);
                        }
                        long began = System.nanoTime();
                        try (Statement jdbc = connection.createStatement()) {
                            jdbc.setEscapeProcessing(false);
                            jdbc.execute(current.written());
                        } finally {
                            if (!inBlock) {
                                poller.stop();
                            }
                        }
                        long ended = System.nanoTime();
                        duration += ended - began;
                        TransactionState after = state(connection);
                        // no block open before nor after it (the server's status, ReadyForQuery), and, when a poll
                        // caught it running, its transaction started with it
                        boolean ownTransaction = !inBlock && after == TransactionState.IDLE
                                && (!poller.caught() || poller.ownTransaction());
                        if (ownTransaction) {
                            for (Key key : poller.seen()) {
                                Taken taken = new Taken(key.mode(), i, began);
                                taken.heldNanos = ended - began;
                                tables.get(key.oid()).locks.add(taken);
                            }
                        }
                        long observed = System.nanoTime();
                        long lockTimeout;
                        try {
                            lockTimeout = observe(connection, i, began, after);
                        } catch (SQLException e) {
                            throw observationFailed(e); // not the statement's failure
                        }
                        if (inBlock && !transactional && after == TransactionState.IDLE) {
                            close(ended); // the script's own COMMIT or ROLLBACK ended its block
                        }
                        observing += System.nanoTime() - observed;
                        measured.add(new StatementMeasurement(i, script.lineInFile(current.line()), current.sql(),
                                ended - began, lockTimeout, ownTransaction));
                    }
                    current = null;
                    long committing = System.nanoTime();
                    if (transactional) {
                        connection.commit();
                    } else if (state(connection) != TransactionState.IDLE) {
                        // a block the script left open: the tool's session ends, which rolls it back
                        try (Statement jdbc = connection.createStatement()) {
                            jdbc.execute("ROLLBACK");
                        }
                    }
                    long committed = System.nanoTime();
                    duration += committed - committing;
                    close(committed);
                } catch (SQLException e) {
                    if (current == null) {
                        throw e;
                    }
                    rollback(connection);
                    throw failure(current, e);
                }
            }
            return new ScriptMeasurement(script, up, transactional, duration, measured,
                    tables.values().stream().map(Table::observation).toList(), observing);
        }

        /** Ends the locks of the transaction block that ended at {@code end}. */
        private void close(long end) {
            for (Taken taken : open.values()) {
                taken.heldNanos = end - taken.since;
            }
            open.clear();
        }

        /**
         * Observes the tables after statement {@code index} (-1: before the first), which began at {@code began}, on
         * the script's connection: a lock seen for the first time in the open transaction block was taken by it.
         *
         * @return the session's lock timeout, in milliseconds
         */
        private long observe(Connection connection, int index, long began, TransactionState state) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                if (!transactional && state == TransactionState.IDLE) {
                    statement.execute("SELECT pg_stat_force_next_flush()");
                }
                long lockTimeout = 0;
                try (ResultSet rs = statement.executeQuery(observation)) {
                    while (rs.next()) {
                        lockTimeout = millis(rs.getString(6));
                        Table table = rs.getObject(1) == null ? null : tables.get(rs.getLong(1));
                        if (table == null) {
                            continue;
                        }
                        Long filenode = rs.getObject(2) == null ? null : rs.getLong(2);
                        String modes = rs.getString(5);
                        seen(table, index, began, new Seen(filenode, rs.getLong(3), rs.getLong(4),
                                modes == null ? Set.of() : Set.of(modes.split(","))));
                    }
                }
                return lockTimeout;
            }
        }

        private void seen(Table table, int index, long began, Seen seen) {
            if (index < 0) {
                table.scans = seen.scans();
                table.tuples = seen.tuples();
                return;
            }
            if (seen.scans() > table.scans || seen.tuples() > table.tuples) {
                table.scannedBy.add(index);
                table.tuplesRead += Math.max(0, seen.tuples() - table.tuples);
            }
            table.scans = seen.scans();
            table.tuples = seen.tuples();
            if (seen.filenode() == null) {
                table.dropped = true;
            } else {
                table.dropped = false;
                if (seen.filenode() != table.filenode) {
                    if (table.rewrittenBy == null) {
                        table.rewrittenBy = index;
                    }
                    table.filenode = seen.filenode();
                }
            }
            for (String mode : seen.modes()) {
                Key key = new Key(table.oid, mode);
                if (!open.containsKey(key)) {
                    Taken taken = new Taken(mode, index, began);
                    open.put(key, taken);
                    table.locks.add(taken);
                }
            }
        }

        private HarnessException observationFailed(SQLException e) {
            return new HarnessException(ErrorCode.ENVIRONMENT, "Cannot observe the tables while measuring "
                    + DisplayPath.of(script.file()) + " on database " + database.name() + ": " + e.getMessage(), e);
        }

        private HarnessException failure(SqlStatement statement, SQLException e) {
            String shown = runner instanceof ScriptRunner tool ? tool.shown(script) : script.fileName();
            String outside = transactional && runner instanceof ScriptRunner tool
                    ? tool.outsideTransaction(migration, script, up) : null;
            ErrorPlace place = ErrorPlace.of(statement, e).inFile(script.firstLine());
            return new HarnessException(ErrorCode.MIGRATION_FAILED, ScriptErrors.sqlError(shown, place, e,
                    statement.sql(), set.config().timeouts().effective(), outside), script.file(), place.line(), e);
        }

        private static void rollback(Connection connection) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                } else if (state(connection) != TransactionState.IDLE) {
                    try (Statement jdbc = connection.createStatement()) {
                        jdbc.execute("ROLLBACK");
                    }
                }
            } catch (SQLException e) {
                // the failure of the script is what the caller needs to see; closing the session rolls back
            }
        }
    }

    private static TransactionState state(Connection connection) throws SQLException {
        return connection.unwrap(BaseConnection.class).getTransactionState();
    }

    private static long pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A duration setting as {@code current_setting} shows it ({@code 0}, {@code 500ms}, {@code 2s}, {@code 1min}), in ms. */
    static long millis(String setting) {
        return Timeouts.parse(setting == null ? "0" : setting, "current_setting('lock_timeout')").toMillis();
    }

    /**
     * Polls, from a connection of its own, the relation locks the script's backend holds while a statement runs in a
     * transaction of its own: they are released when it returns, before any query of the script's session could see
     * them.
     */
    private static final class LockPoller implements AutoCloseable {

        private final Connection connection;
        private final String query;
        private final Thread thread;
        private final Object monitor = new Object();
        /** The statement being polled, or -1; guarded by the monitor, as are the fields below. */
        private int statement = -1;
        private boolean closed;
        private final Set<Key> seen = new HashSet<>();
        private boolean ownTransaction;
        private boolean caught;
        private SQLException failure;

        LockPoller(Database database, long pid, Set<Long> oids) {
            this.connection = database.connect();
            // a statement in a transaction of its own started it: the transaction's start is the statement's
            this.query = "SELECT l.relation::bigint, l.mode, CASE WHEN a.state = 'active' THEN a.xact_start = a.query_start END"
                    + " FROM pg_stat_activity a LEFT JOIN pg_locks l ON l.pid = a.pid AND l.locktype = 'relation'"
                    + " AND l.granted AND l.mode <> 'SIReadLock' AND l.relation = ANY(" + Run.oidArray(oids) + ")"
                    + " WHERE a.pid = " + pid;
            this.thread = new Thread(this::poll, "measured-run-locks");
            thread.setDaemon(true);
            thread.start();
        }

        private void poll() {
            try (Statement statement = connection.createStatement()) {
                while (true) {
                    int polled;
                    synchronized (monitor) {
                        while (this.statement < 0 && !closed) {
                            monitor.wait();
                        }
                        if (closed) {
                            return;
                        }
                        polled = this.statement;
                    }
                    List<Key> found = new ArrayList<>();
                    boolean alone = false;
                    boolean active = false;
                    try (ResultSet rs = statement.executeQuery(query)) {
                        while (rs.next()) {
                            if (rs.getObject(1) != null) {
                                found.add(new Key(rs.getLong(1), rs.getString(2)));
                            }
                            alone = rs.getBoolean(3);
                            active = !rs.wasNull();
                        }
                    }
                    synchronized (monitor) {
                        if (this.statement == polled) {
                            seen.addAll(found);
                            ownTransaction |= alone;
                            caught |= alone || !found.isEmpty() || active;
                        }
                    }
                    LockSupport.parkNanos(POLL_NANOS);
                }
            } catch (SQLException e) {
                synchronized (monitor) {
                    failure = e;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void start(int index) {
            synchronized (monitor) {
                seen.clear();
                ownTransaction = false;
                caught = false;
                statement = index;
                monitor.notifyAll();
            }
        }

        void stop() {
            synchronized (monitor) {
                statement = -1;
            }
        }

        /** Whether a poll saw the last statement running in a transaction that started with it (its own). */
        boolean ownTransaction() {
            synchronized (monitor) {
                return ownTransaction;
            }
        }

        /** Whether a poll saw the last statement running. */
        boolean caught() {
            synchronized (monitor) {
                return caught;
            }
        }

        /** The locks seen while the last statement ran. */
        Set<Key> seen() {
            synchronized (monitor) {
                if (failure != null) {
                    throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot poll the locks of a running script: "
                            + failure.getMessage(), failure);
                }
                return Set.copyOf(seen);
            }
        }

        @Override
        public void close() throws SQLException {
            synchronized (monitor) {
                closed = true;
                monitor.notifyAll();
            }
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connection.close();
        }
    }
}
