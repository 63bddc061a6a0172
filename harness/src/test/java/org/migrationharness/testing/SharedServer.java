package org.migrationharness.testing;

import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.postgres.PostgresSettings;

/**
 * One real PostgreSQL server for every test in this JVM, started on first use with the settings of the environment
 * (embedded unless harness.postgres / HARNESS_POSTGRES say otherwise). PostgresServer's shutdown hook stops it.
 */
public final class SharedServer {

    private static PostgresServer server;

    private SharedServer() {
    }

    public static synchronized PostgresServer get() {
        if (server == null) {
            PostgresSettings settings = PostgresSettings.defaults();
            if (settings.backend() == org.migrationharness.postgres.PostgresBackend.AUTO) {
                settings = PostgresSettings.of(org.migrationharness.postgres.PostgresBackend.EMBEDDED);
            }
            server = PostgresServer.start(settings);
        }
        return server;
    }
}
