package org.migrationharness.postgres;

/** A running server as one backend provides it: where it is, who may administer it, and how to stop it. */
interface ServerProcess extends AutoCloseable {

    /** The JDBC URL of a database on this server. */
    String jdbcUrl(String database);

    /** The database administrative connections use (never one the harness created). */
    String adminDatabase();

    String user();

    String password();

    /** Whether the harness started this server (and so may change cluster-wide state and stop it). */
    boolean owned();

    /** What starting this server cleaned up after runs that are gone, one line each (none by default). */
    default java.util.List<String> housekeeping() {
        return java.util.List.of();
    }

    /** Stops the server, if the harness started it. Never throws. */
    @Override
    void close();
}
