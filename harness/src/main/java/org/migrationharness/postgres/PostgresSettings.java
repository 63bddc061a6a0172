package org.migrationharness.postgres;

import java.util.List;
import java.util.Optional;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Secrets;
import org.migrationharness.internal.Settings;

/**
 * How to get a PostgreSQL server. Every field has one order of precedence: the explicit value (CLI option or
 * annotation), then the system property, then the environment variable, then the default:
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>setting</th><th>option</th><th>system property</th><th>environment</th><th>default</th></tr>
 *   <tr><td>backend</td><td>--postgres</td><td>harness.postgres</td><td>HARNESS_POSTGRES</td><td>auto</td></tr>
 *   <tr><td>major version</td><td>--postgres-version</td><td>harness.postgres.version</td><td>HARNESS_POSTGRES_VERSION</td><td>17</td></tr>
 *   <tr><td>image</td><td>--postgres-image</td><td>harness.postgres.image</td><td>HARNESS_POSTGRES_IMAGE</td><td>postgres:&lt;pinned tag of the version&gt;</td></tr>
 *   <tr><td>JDBC URL</td><td>--jdbc-url</td><td>harness.jdbc.url</td><td>HARNESS_JDBC_URL</td><td>none</td></tr>
 *   <tr><td>user</td><td>--user</td><td>harness.user</td><td>PGUSER</td><td>postgres</td></tr>
 *   <tr><td>password</td><td>(none: never on a command line)</td><td>harness.password</td><td>PGPASSWORD</td><td>none</td></tr>
 * </table>
 *
 * @param backend where the server comes from
 * @param majorVersion the PostgreSQL major version for embedded and the default image
 * @param image the container image for {@link PostgresBackend#TESTCONTAINERS}
 * @param jdbcUrl the server for {@link PostgresBackend#EXTERNAL}, else null
 * @param user the user for {@link PostgresBackend#EXTERNAL}
 * @param password the password for {@link PostgresBackend#EXTERNAL}; never printed
 */
public record PostgresSettings(PostgresBackend backend, int majorVersion, String image, String jdbcUrl, String user,
                               String password) {

    /** The major versions the harness ships embedded binaries and pinned image tags for. */
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(15, 16, 17);

    /** The default major version. */
    public static final int DEFAULT_VERSION = 17;

    public PostgresSettings {
        if (backend == null) {
            throw new IllegalArgumentException("backend must not be null");
        }
    }

    /** The settings from this JVM's system properties and environment, with no explicit values. */
    public static PostgresSettings defaults() {
        return resolve(Settings.fromSystem());
    }

    /** Settings for a given backend, everything else from the system properties and environment. */
    public static PostgresSettings of(PostgresBackend backend) {
        PostgresSettings resolved = defaults();
        return new PostgresSettings(backend, resolved.majorVersion, resolved.image, resolved.jdbcUrl, resolved.user,
                resolved.password);
    }

    /** An external server at the given JDBC URL. */
    public static PostgresSettings external(String jdbcUrl, String user, String password) {
        return new PostgresSettings(PostgresBackend.EXTERNAL, DEFAULT_VERSION, null, jdbcUrl, user, password);
    }

    /** Resolves every setting in the harness's precedence order (see the class comment). */
    public static PostgresSettings resolve(Settings settings) {
        PostgresBackend backend = settings.get("--postgres", "harness.postgres", "HARNESS_POSTGRES")
                .map(v -> PostgresBackend.parse(v.value(), v.source()))
                .orElse(PostgresBackend.AUTO);
        int version = settings.get("--postgres-version", "harness.postgres.version", "HARNESS_POSTGRES_VERSION")
                .map(PostgresSettings::parseVersion)
                .orElse(DEFAULT_VERSION);
        String image = settings.get("--postgres-image", "harness.postgres.image", "HARNESS_POSTGRES_IMAGE")
                .map(Settings.Value::value)
                .orElse(null);
        String jdbcUrl = settings.get("--jdbc-url", "harness.jdbc.url", "HARNESS_JDBC_URL")
                .map(Settings.Value::value)
                .orElse(null);
        String user = settings.get("--user", "harness.user", "PGUSER").map(Settings.Value::value).orElse("postgres");
        String password = settings.get(null, "harness.password", "PGPASSWORD").map(Settings.Value::value).orElse(null);
        Secrets.register(password);
        if (backend == PostgresBackend.EXTERNAL && jdbcUrl == null) {
            throw new HarnessException(ErrorCode.USAGE, "The external PostgreSQL backend needs a server to connect to.\n"
                    + "Give it with --jdbc-url jdbc:postgresql://HOST:PORT/DATABASE (or harness.jdbc.url / HARNESS_JDBC_URL),\n"
                    + "the user with --user or PGUSER and the password with PGPASSWORD.");
        }
        return new PostgresSettings(backend, version, image, jdbcUrl, user, password);
    }

    private static int parseVersion(Settings.Value value) {
        try {
            int version = Integer.parseInt(value.value());
            if (SUPPORTED_VERSIONS.contains(version)) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new HarnessException(ErrorCode.USAGE, "Unsupported PostgreSQL major version '" + value.value() + "' (from "
                + value.source() + ").\nExpected one of: " + SUPPORTED_VERSIONS + ".");
    }

    /** The image to run: the configured one, else the official image with a pinned tag of the major version. */
    public String effectiveImage() {
        return Optional.ofNullable(image).orElseGet(() -> "postgres:" + switch (majorVersion) {
            case 15 -> "15.14";
            case 16 -> "16.10";
            default -> "17.6";
        });
    }

    @Override
    public String toString() {
        return "PostgresSettings[backend=" + backend.id() + ", majorVersion=" + majorVersion + ", image=" + image
                + ", jdbcUrl=" + Secrets.mask(jdbcUrl) + ", user=" + user + ", password=" + (password == null ? "(none)" : "****") + "]";
    }
}
