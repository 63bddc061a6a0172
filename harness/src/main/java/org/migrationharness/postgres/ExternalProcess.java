package org.migrationharness.postgres;

import java.net.URI;

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
        JdbcUrl parsed = JdbcUrl.parse(settings.jdbcUrl(), "--jdbc-url");
        URI uri;
        try {
            uri = URI.create(parsed.url().substring("jdbc:".length()));
        } catch (IllegalArgumentException e) {
            throw new HarnessException(ErrorCode.USAGE, "Malformed JDBC URL '" + parsed + "': " + Secrets.mask(e.getMessage()), e);
        }
        String database = parsed.database().isEmpty() ? "postgres" : uri.getRawPath().replaceFirst("^/", "");
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        // credentials in user:password@host form; a password given apart (PGPASSWORD) wins over the URL's
        String user = parsed.user() != null ? parsed.user() : settings.user();
        String password = settings.password() != null ? settings.password() : parsed.password();
        return new ExternalProcess("jdbc:postgresql://" + uri.getRawAuthority() + "/", database, query, user, password);
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
