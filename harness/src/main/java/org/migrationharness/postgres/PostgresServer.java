package org.migrationharness.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
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

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/**
 * One PostgreSQL server for a whole run, and the databases the harness creates on it.
 *
 * <p>Every database it creates is named {@code mh_<label>_<random>} and dropped by {@link #close()}, even when the run
 * failed; a JVM shutdown (Ctrl-C) closes every open server too. It never drops a database it did not create.
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
    private volatile boolean closed;

    private PostgresServer(PostgresBackend backend, ServerProcess process) {
        this.backend = backend;
        this.process = process;
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('server_version'), current_setting('server_version_num')::int")) {
            rs.next();
            this.version = rs.getString(1).split(" ")[0];
            this.versionNumber = rs.getInt(2);
        } catch (SQLException e) {
            throw unreachable(e);
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
        try {
            PostgresServer server = new PostgresServer(backend, process);
            OPEN.add(server);
            return server;
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
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
        ensureOpen();
        String name = uniqueName(label);
        String strategy = versionNumber >= 150000 && !template.equals("template0") ? " STRATEGY FILE_COPY" : "";
        String sql = "CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(template) + strategy;
        created.add(name);
        try {
            executeAdmin(sql);
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
            executeAdmin("DROP DATABASE IF EXISTS " + quote(database.name()) + " WITH (FORCE)");
            created.remove(database.name());
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not drop database " + database.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The names of the databases this server created and has not dropped yet. */
    public Set<String> createdDatabases() {
        return Set.copyOf(created);
    }

    /** Drops every database this server created, then stops the server if the harness started it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(this);
        List<SQLException> failures = new ArrayList<>();
        if (!process.owned()) {
            for (String name : List.copyOf(created)) {
                try {
                    executeAdmin("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
                    created.remove(name);
                } catch (SQLException e) {
                    failures.add(e);
                }
            }
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
        if (closed) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "The PostgreSQL server was stopped (the run was interrupted,"
                    + " or the server closed): no more databases can be created on it.");
        }
    }

    private void executeAdmin(String sql) throws SQLException {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
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
        return new HarnessException(ErrorCode.ENVIRONMENT, "Cannot reach PostgreSQL at " + url + " as " + process.user()
                + ": " + e.getMessage() + "\nCheck that the server runs and the URL, user and PGPASSWORD are right.", e);
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

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return "PostgresServer[" + backend.id() + " " + version + "]";
    }
}
