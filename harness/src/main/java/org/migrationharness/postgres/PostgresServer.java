package org.migrationharness.postgres;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Secrets;
import org.migrationharness.sql.Names;

/**
 * One PostgreSQL server for a whole run, and the databases the harness creates on it.
 *
 * <p>Every database it creates is named {@code mh_<label>_<random>} and dropped by {@link #close()}, even when the run
 * failed; a JVM shutdown (Ctrl-C) closes every open server too. It never drops a database it did not create.
 *
 * <p>On a server the harness does not own ({@link PostgresBackend#EXTERNAL}), each database is marked with a comment
 * naming the run, and the run holds a lease (an advisory lock) while it lives; a new run drops the databases of runs
 * that are gone (killed, say) and lists them in {@link #housekeeping()}. An embedded server left by a killed run is
 * stopped and its data directory removed the same way, when the next embedded server starts.
 */
public final class PostgresServer implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PostgresServer> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(OPEN).forEach(PostgresServer::close),
                "migration-harness-shutdown"));
    }

    private final PostgresBackend backend;
    private final ServerProcess process;
    private final String version;
    private final int versionNumber;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    /** Creating a database holds the read lock, interrupting and closing the write lock: none is created after them. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final List<String> housekeeping = new ArrayList<>();
    private final RunLease lease;
    private volatile boolean closed;
    private volatile boolean interrupted;
    private final java.util.concurrent.atomic.AtomicInteger droppedAfterInterrupt = new java.util.concurrent.atomic.AtomicInteger();

    private PostgresServer(PostgresBackend backend, ServerProcess process) {
        this.backend = backend;
        this.process = process;
        this.housekeeping.addAll(process.housekeeping());
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('server_version'), current_setting('server_version_num')::int")) {
            rs.next();
            this.version = rs.getString(1).split(" ")[0];
            this.versionNumber = rs.getInt(2);
        } catch (SQLException e) {
            throw unreachable(e);
        }
        this.lease = process.owned() ? null : takeLeaseAndDropOrphans();
    }

    /** This run's lease on a server it does not own, after dropping the databases of runs that are gone. */
    private RunLease takeLeaseAndDropOrphans() {
        Connection holder = null;
        try {
            holder = adminConnection();
            RunLease taken = RunLease.take(holder);
            for (RunLease.Orphan orphan : RunLease.orphans(holder)) {
                try (Statement statement = holder.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + Names.quote(orphan.database()) + " WITH (FORCE)");
                    housekeeping.add("dropped database " + orphan.database() + ", left by a run that is gone ("
                            + orphan.comment().replaceFirst("^migration-harness ", "") + ")");
                } catch (SQLException e) {
                    housekeeping.add("could not drop database " + orphan.database() + ", left by a run that is gone ("
                            + orphan.comment().replaceFirst("^migration-harness ", "") + "): " + e.getMessage().strip()
                            + "; drop it as its owner");
                }
            }
            return taken;
        } catch (SQLException e) {
            if (holder != null) {
                try {
                    holder.close();
                } catch (SQLException ignored) {
                    // reported below
                }
            }
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot take this run's lease on " + this
                    + " (an advisory lock that marks its databases as in use): " + e.getMessage(), e);
        }
    }

    /**
     * Starts (or, for {@link PostgresBackend#EXTERNAL}, connects to) the server the settings describe.
     *
     * @throws HarnessException with {@link ErrorCode#ENVIRONMENT} when no server can be started or reached
     */
    public static PostgresServer start(PostgresSettings settings) {
        PostgresBackend backend = settings.backend();
        if (backend == PostgresBackend.AUTO) {
            backend = ContainerProcess.usable(settings.effectiveImage()) == null
                    ? PostgresBackend.TESTCONTAINERS : PostgresBackend.EMBEDDED;
        }
        ServerProcess process = switch (backend) {
            case TESTCONTAINERS -> ContainerProcess.start(settings);
            case EMBEDDED -> EmbeddedProcess.start(settings);
            case EXTERNAL -> ExternalProcess.of(settings);
            case AUTO -> throw new IllegalStateException("resolved above");
        };
        return opened(backend, process);
    }

    /** The server of a started process, known to the shutdown cleanup; the process is closed if that fails. */
    private static PostgresServer opened(PostgresBackend backend, ServerProcess process) {
        try {
            PostgresServer server = new PostgresServer(backend, process);
            OPEN.add(server);
            return server;
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /**
     * Starts a server for a developer to keep using: on {@code port} (0: any free port) and, for the embedded backend,
     * with its data in {@code data}, kept when it stops (null: removed). The testcontainers backend keeps no data.
     *
     * @throws HarnessException {@link ErrorCode#USAGE} for a data directory with a backend that cannot keep one, or an
     *         external server; {@link ErrorCode#ENVIRONMENT} when none can be started
     */
    public static PostgresServer startForDevelopment(PostgresSettings settings, int port, Path data) {
        PostgresBackend backend = settings.backend() == PostgresBackend.AUTO ? PostgresBackend.EMBEDDED : settings.backend();
        ServerProcess process = switch (backend) {
            case EMBEDDED -> EmbeddedProcess.start(settings, port, data);
            case TESTCONTAINERS -> {
                if (data != null) {
                    throw new HarnessException(ErrorCode.USAGE, "--data needs the embedded backend: the testcontainers"
                            + " backend keeps its data on a tmpfs inside the container, gone when it stops.\n"
                            + "Drop --data, or use --postgres embedded.");
                }
                yield ContainerProcess.start(settings, port);
            }
            default -> throw new HarnessException(ErrorCode.USAGE, "A development server is started by the harness: "
                    + "--postgres embedded (default) or testcontainers, not " + backend.id() + ".\nTo load a server "
                    + "you run yourself, use: java -jar migration-harness.jar seed --all --migrate --env development"
                    + " --jdbc-url URL");
        };
        return opened(backend, process);
    }

    /**
     * The database {@code name} on this server, created (from template0) when it does not exist yet. The harness never
     * drops it: it ends with a server the harness started, or stays in a kept data directory.
     *
     * @return the database, and whether this call created it
     */
    public NamedDatabase namedDatabase(String name) {
        ensureOpen();
        try (Connection connection = adminConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            boolean found;
            try (ResultSet rs = exists.executeQuery()) {
                found = rs.next();
            }
            if (!found) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + Names.quote(name) + " TEMPLATE template0");
                }
            }
            return new NamedDatabase(new Database(name, process.jdbcUrl(name), process.user(), process.password()), !found);
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** A database of a given name: {@link #namedDatabase(String)}. */
    public record NamedDatabase(Database database, boolean created) {
    }

    /** The backend that actually provides this server (never {@link PostgresBackend#AUTO}). */
    public PostgresBackend backend() {
        return backend;
    }

    /** The server's version, e.g. {@code 17.6}. */
    public String version() {
        return version;
    }

    /** The server's major version, e.g. 17. */
    public int majorVersion() {
        return versionNumber / 10000;
    }

    /** A new empty database. {@code label} becomes part of its name (e.g. the service). */
    public Database createDatabase(String label) {
        return create(label, "template0");
    }

    /**
     * A new database cloned from {@code template}, which must have no open connections. Much faster than building the
     * same schema again: use it for every check that needs a fresh copy of a migrated database.
     */
    public Database cloneDatabase(Database template, String label) {
        return create(label, template.name());
    }

    private Database create(String label, String template) {
        lifecycle.readLock().lock();
        try {
            return createWhileOpen(label, template);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private Database createWhileOpen(String label, String template) {
        ensureOpen();
        String name = uniqueName(label);
        String strategy = versionNumber >= 150000 && !template.equals("template0") ? " STRATEGY FILE_COPY" : "";
        List<String> sql = new ArrayList<>();
        sql.add("CREATE DATABASE " + Names.quote(name) + " TEMPLATE " + Names.quote(template) + strategy);
        if (lease != null) {
            sql.add("COMMENT ON DATABASE " + Names.quote(name) + " IS '" + lease.comment().replace("'", "''") + "'");
        }
        created.add(name);
        try {
            executeAdmin(sql.toArray(String[]::new));
        } catch (SQLException e) {
            created.remove(name);
            String fix = "55006".equals(e.getSQLState())
                    ? "Close every connection to " + template + " before cloning it."
                    : "The user " + process.user() + " needs the CREATEDB privilege on this server.";
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not create database " + name + " from " + template
                    + ": " + e.getMessage() + "\n" + fix, e);
        }
        return new Database(name, process.jdbcUrl(name), process.user(), process.password());
    }

    /** Drops a database this server created; refuses any other. Connections still open to it are terminated. */
    public void dropDatabase(Database database) {
        if (!created.contains(database.name())) {
            throw new HarnessException(ErrorCode.REFUSED, "Refusing to drop database " + database.name()
                    + ": the harness did not create it on this server.");
        }
        try {
            executeAdmin("DROP DATABASE IF EXISTS " + Names.quote(database.name()) + " WITH (FORCE)");
            if (created.remove(database.name()) && interrupted) {
                droppedAfterInterrupt.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not drop database " + database.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The names of the databases this server created and has not dropped yet. */
    public Set<String> createdDatabases() {
        return Set.copyOf(created);
    }

    /**
     * What the server's start cleaned up after runs that are gone: databases they left on an external server, an
     * embedded server of a killed run and its data directory. One line each, for the user to read.
     */
    public List<String> housekeeping() {
        return List.copyOf(housekeeping);
    }

    /**
     * Stops the run's work on this server at once (Ctrl-C): no database is created any more, and every statement
     * running in a database this server created is cancelled, so the thread running it fails fast. {@link #close()}
     * then drops the databases. Safe to call from any thread, more than once.
     */
    public void interrupt() {
        lifecycle.writeLock().lock();
        try {
            interrupted = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        if (closed || created.isEmpty()) {
            return;
        }
        try (Connection connection = adminConnection();
             PreparedStatement cancel = connection.prepareStatement("SELECT pg_cancel_backend(pid) FROM pg_stat_activity"
                     + " WHERE datname = ANY (?) AND pid <> pg_backend_pid()")) {
            cancel.setArray(1, connection.createArrayOf("text", created.toArray()));
            cancel.execute();
        } catch (SQLException e) {
            // the server may be going down with us (Ctrl-C reaches an embedded server too); close() drops what is left
        }
    }

    /**
     * How many of the databases the run created were dropped after {@link #interrupt()}: by the checks ending, and by
     * {@link #close()} (on a server the harness owns, those left end with the server).
     */
    public int databasesDroppedAfterInterrupt() {
        return droppedAfterInterrupt.get();
    }

    /** Whether {@link #interrupt()} was called: the run is stopping, and no new work should start. */
    public boolean isInterrupted() {
        return interrupted;
    }

    /** Drops every database this server created, then stops the server if the harness started it. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            closeOnce();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void closeOnce() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(this);
        int open = created.size();
        if (process.owned() && interrupted) {
            droppedAfterInterrupt.addAndGet(open); // they end with the server
        }
        List<SQLException> failures = new ArrayList<>();
        if (!process.owned()) {
            for (String name : List.copyOf(created)) {
                try {
                    executeAdmin("DROP DATABASE IF EXISTS " + Names.quote(name) + " WITH (FORCE)");
                    if (created.remove(name) && interrupted) {
                        droppedAfterInterrupt.incrementAndGet();
                    }
                } catch (SQLException e) {
                    failures.add(e);
                }
            }
        }
        if (lease != null) {
            lease.close();
        }
        process.close();
        if (!failures.isEmpty()) {
            HarnessException error = new HarnessException(ErrorCode.ENVIRONMENT, "Could not drop " + failures.size()
                    + " database(s) the harness created: " + created + ". Drop them by hand.", failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    private void ensureOpen() {
        if (interrupted) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "The run was interrupted: no more databases are created.");
        }
        if (closed) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "The PostgreSQL server was stopped (the run was interrupted,"
                    + " or the server closed): no more databases can be created on it.");
        }
    }

    private void executeAdmin(String... sql) throws SQLException {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private Connection adminConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", process.user());
        if (process.password() != null) {
            properties.setProperty("password", process.password());
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "migration-harness");
        return DriverManager.getConnection(process.jdbcUrl(process.adminDatabase()), properties);
    }

    private HarnessException unreachable(SQLException e) {
        String url = process.jdbcUrl(process.adminDatabase());
        return new HarnessException(ErrorCode.ENVIRONMENT, Secrets.mask("Cannot reach PostgreSQL at " + url + " as "
                + process.user() + ": " + e.getMessage()) + "\nCheck that the server runs and the URL, user and PGPASSWORD are right.", e);
    }

    private static String uniqueName(String label) {
        String clean = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        if (clean.length() > 40) {
            clean = clean.substring(0, 40);
        }
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return "mh_" + clean + "_" + HexFormat.of().formatHex(bytes);
    }
    @Override
    public String toString() {
        return "PostgresServer[" + backend.id() + " " + version + "]";
    }
}
