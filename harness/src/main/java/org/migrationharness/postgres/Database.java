package org.migrationharness.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Secrets;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database on a {@link PostgresServer}, created by the harness.
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
