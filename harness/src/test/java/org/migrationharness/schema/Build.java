package org.migrationharness.schema;

import java.util.List;
import java.util.Set;

import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/** Test helper: builds a fresh real database from SQL, snapshots it and drops it. */
final class Build {

    /** A role that exists on the shared server, for grants and policies. */
    static final String ROLE = "mh_schema_reader";

    private Build() {
    }

    /** Snapshot of every non-system schema of a database built from {@code sql} (run in order). */
    static SchemaSnapshot snapshot(String... sql) {
        return snapshot(List.of(), sql);
    }

    static SchemaSnapshot snapshot(List<String> schemas, String... sql) {
        PostgresServer server = SharedServer.get();
        ensureRole();
        Database database = server.createDatabase("schema");
        try {
            for (String statement : sql) {
                if (!statement.isBlank()) {
                    Sql.execute(database, statement);
                }
            }
            return SchemaReader.read(database, schemas, Set.of("flyway_schema_history"));
        } finally {
            server.dropDatabase(database);
        }
    }

    private static boolean roleCreated;

    static synchronized void ensureRole() {
        if (!roleCreated) {
            Database database = SharedServer.get().createDatabase("role");
            try {
                Sql.execute(database, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE
                        + "') THEN CREATE ROLE " + ROLE + "; END IF; END $$");
            } finally {
                SharedServer.get().dropDatabase(database);
            }
            roleCreated = true;
        }
    }
}
