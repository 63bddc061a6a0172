package org.migrationharness.postgres;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/** Where the harness gets its PostgreSQL server from. */
public enum PostgresBackend {
    /** Testcontainers when a Docker engine answers, else embedded. */
    AUTO,
    /** A container of the configured image, through Testcontainers. */
    TESTCONTAINERS,
    /** zonky's embedded PostgreSQL binaries, from Maven Central; runs as root too. */
    EMBEDDED,
    /** A server that already runs, given by a JDBC URL; the harness only creates and drops its own databases there. */
    EXTERNAL;

    /** The name used on the command line and in settings. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a backend name; {@code source} names where the value came from, for the error message. */
    public static PostgresBackend parse(String value, String source) {
        for (PostgresBackend backend : values()) {
            if (backend.id().equalsIgnoreCase(value.trim())) {
                return backend;
            }
        }
        throw new HarnessException(ErrorCode.USAGE, "Unknown PostgreSQL backend '" + value + "' (from " + source + ").\n"
                + "Expected one of: " + Arrays.stream(values()).map(PostgresBackend::id).collect(Collectors.joining(", ")) + ".");
    }
}
