package org.migrationharness.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Secrets;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database on a {@link PostgresServer}, created by the harness.
 *
 * <p>Besides connections, it reads and writes data for a test in one line, each call on a new connection in
 * autocommit mode (so nothing stays open: a template can be cloned right after):
 * <pre>
 * database.execute("INSERT INTO shop.orders (id, total) VALUES (?, ?)", "ord-1", new BigDecimal("9.90"));
 * List&lt;Map&lt;String, Object&gt;&gt; rows = database.query("SELECT id, total FROM shop.orders ORDER BY id");
 * long count = database.queryForObject(Long.class, "SELECT count(*) FROM shop.orders");
 * List&lt;String&gt; ids = database.queryForList(String.class, "SELECT id FROM shop.orders ORDER BY id");
 * </pre>
 * Without parameters the SQL is sent as written ({@code ?} is an operator, several statements may follow each other);
 * with parameters each {@code ?} is one, bound in order with JDBC's {@code setObject}. Values come as JDBC's
 * {@code getObject} gives them ({@code Integer}, {@code Long}, {@code BigDecimal}, {@code String}, {@code Boolean},
 * {@code java.sql.Timestamp}, ...), except that PostgreSQL's own types (json, jsonb, interval, ...) come as their text
 * and arrays as lists, so no driver type reaches a test. A failing statement throws a {@link HarnessException}
 * ({@link ErrorCode#MIGRATION_FAILED}) naming the database, the SQLState and the SQL, with the SQLException as cause.
 *
 * @param name the database's name
 * @param jdbcUrl its JDBC URL
 * @param user the user to connect as
 * @param password the password, or null; never printed
 */
public record Database(String name, String jdbcUrl, String user, String password) {

    /** A new connection to this database (autocommit on). The caller closes it. */
    public Connection connect() {
        return connect(new Properties());
    }

    /**
     * A new connection that sends each query exactly as written, in one simple-protocol message, as psql does: the
     * server's error positions and messages are psql's (a trailing semicolon included, {@code ??} not rewritten).
     */
    public Connection connectAsPsql() {
        Properties properties = new Properties();
        properties.setProperty("preferQueryMode", "simple");
        return connect(properties);
    }

    private Connection connect(Properties properties) {
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, Secrets.mask("Cannot connect to database " + name + " at "
                    + jdbcUrl + ": " + e.getMessage()), e);
        }
    }

    /**
     * Every row the query returns, each as column label to value, in select order (labels as the server names them:
     * {@code AS} gives one). Also for {@code INSERT ... RETURNING}.
     */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        return Queries.query(this, sql, parameters);
    }

    /** The first column of every row the query returns, as {@code type} (JDBC's {@code getObject(1, type)}). */
    public <T> List<T> queryForList(Class<T> type, String sql, Object... parameters) {
        return Queries.queryForList(this, type, sql, parameters);
    }

    /**
     * The first column of the query's one row, as {@code type}; null for SQL NULL.
     *
     * @throws HarnessException when the query returns no row, or more than one
     */
    public <T> T queryForObject(Class<T> type, String sql, Object... parameters) {
        return Queries.queryForObject(this, type, sql, parameters);
    }

    /** Runs a statement (DML or DDL); returns the number of rows it changed, 0 for DDL, -1 when it returned rows. */
    public int execute(String sql, Object... parameters) {
        return Queries.execute(this, sql, parameters);
    }

    /** The names of a table's columns, in order; empty when there is no such table. */
    public List<String> columnNames(String schema, String table) {
        return queryForList(String.class, "SELECT attname::text FROM pg_attribute WHERE attrelid ="
                + " to_regclass(quote_ident(?) || '.' || quote_ident(?)) AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
                schema, table);
    }

    /**
     * A column's type as {@code format_type} writes it ({@code numeric(12,2)}, {@code jsonb}, {@code character varying(40)}).
     *
     * @throws HarnessException when there is no such column
     */
    public String columnType(String schema, String table, String column) {
        return queryForObject(String.class, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid ="
                + " to_regclass(quote_ident(?) || '.' || quote_ident(?)) AND attname = ? AND NOT attisdropped",
                schema, table, column);
    }

    /** A DataSource that opens a new connection to this database each time (no pool: templates need none open). */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    @Override
    public String toString() {
        return "Database[name=" + name + ", jdbcUrl=" + Secrets.mask(jdbcUrl) + ", user=" + user + "]";
    }
}
