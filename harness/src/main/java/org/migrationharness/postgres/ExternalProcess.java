package org.migrationharness.postgres;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Secrets;

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
            throw new HarnessException(ErrorCode.USAGE, "Not a PostgreSQL JDBC URL: '" + Secrets.mask(url) + "'.\n"
                    + "Expected jdbc:postgresql://HOST:PORT/DATABASE, e.g. jdbc:postgresql://localhost:5432/postgres.");
        }
        URI uri;
        try {
            uri = URI.create(url.substring("jdbc:".length()));
        } catch (IllegalArgumentException e) {
            throw new HarnessException(ErrorCode.USAGE, Secrets.mask("Malformed JDBC URL '" + url + "': " + e.getMessage()), e);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? "postgres" : path;
        String authority = uri.getRawAuthority();
        String user = settings.user();
        String password = settings.password();
        int at = authority == null ? -1 : authority.lastIndexOf('@');
        if (at >= 0) {
            // user:password@host is libpq's form, not the JDBC driver's: take the credentials out of the URL
            String[] userInfo = authority.substring(0, at).split(":", 2);
            authority = authority.substring(at + 1);
            if (!userInfo[0].isEmpty()) {
                user = URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8);
            }
            if (userInfo.length > 1 && password == null) {
                password = URLDecoder.decode(userInfo[1], StandardCharsets.UTF_8);
                Secrets.register(password);
            }
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new ExternalProcess(prefix + authority + "/", database, query, user, password);
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
