package org.migrationharness.postgres;

import java.net.URI;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/**
 * A server that runs already. The harness connects to the database named in the URL only to create and drop its own
 * databases; it never changes that database nor any other.
 */
final class ExternalProcess implements ServerProcess {

    private final String base;
    private final String adminDatabase;
    private final String query;
    private final String user;
    private final String password;

    private ExternalProcess(String base, String adminDatabase, String query, String user, String password) {
        this.base = base;
        this.adminDatabase = adminDatabase;
        this.query = query;
        this.user = user;
        this.password = password;
    }

    static ExternalProcess of(PostgresSettings settings) {
        String url = settings.jdbcUrl();
        String prefix = "jdbc:postgresql://";
        if (url == null || !url.startsWith(prefix)) {
            throw new HarnessException(ErrorCode.USAGE, "Not a PostgreSQL JDBC URL: '" + url + "'.\n"
                    + "Expected jdbc:postgresql://HOST:PORT/DATABASE, e.g. jdbc:postgresql://localhost:5432/postgres.");
        }
        URI uri;
        try {
            uri = URI.create(url.substring("jdbc:".length()));
        } catch (IllegalArgumentException e) {
            throw new HarnessException(ErrorCode.USAGE, "Malformed JDBC URL '" + url + "': " + e.getMessage(), e);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? "postgres" : path;
        String authority = uri.getRawAuthority();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new ExternalProcess(prefix + authority + "/", database, query, settings.user(), settings.password());
    }

    @Override
    public String jdbcUrl(String database) {
        return base + database + query;
    }

    @Override
    public String adminDatabase() {
        return adminDatabase;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public boolean owned() {
        return false;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
