package org.migrationharness.schema;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/**
 * How long a snapshot takes on a generated schema: {@code TABLES} tables, each with six columns, a primary key, an
 * index, a foreign key to the previous table and a check constraint. Not a test (it asserts nothing and surefire does
 * not pick it up). Run it from an IDE, or:
 *
 * <pre>
 * mvn -B -o -q -pl harness test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp harness/target/test-classes:harness/target/classes:$(cat harness/target/cp.txt) \
 *      org.migrationharness.schema.SnapshotBenchmark 500
 * </pre>
 *
 * The argument is the number of tables (default 500). On the embedded PostgreSQL 17.6 of a developer machine, 500
 * tables (1,000 indexes, 1,499 constraints, 3,000 columns) took about 200 ms per snapshot (best 198, mean 224 over
 * five warm runs).
 */
public final class SnapshotBenchmark {

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        PostgresServer server = SharedServer.get();
        Database database = server.createDatabase("benchmark");
        try {
            StringBuilder sql = new StringBuilder("CREATE SCHEMA bench;\n");
            for (int i = 0; i < tables; i++) {
                sql.append(String.format(Locale.ROOT, """
                        CREATE TABLE bench.t%1$d (
                            id bigint PRIMARY KEY,
                            parent_id bigint%2$s,
                            name text NOT NULL DEFAULT '',
                            amount numeric(12,2) CHECK (amount >= 0),
                            created_at timestamptz NOT NULL DEFAULT now(),
                            status varchar(16));
                        CREATE INDEX idx_t%1$d_name ON bench.t%1$d (name);
                        """, i, i == 0 ? "" : " REFERENCES bench.t" + (i - 1) + " (id)"));
            }
            long build = System.nanoTime();
            Sql.execute(database, sql.toString());
            System.out.printf(Locale.ROOT, "Built %d tables in %d ms on PostgreSQL %s%n", tables,
                    (System.nanoTime() - build) / 1_000_000, server.version());
            SchemaReader.read(database, List.of("bench"), Set.of()); // warm up the JVM and the server's caches
            int runs = 5;
            long best = Long.MAX_VALUE;
            long total = 0;
            SchemaSnapshot snapshot = null;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                snapshot = SchemaReader.read(database, List.of("bench"), Set.of());
                long ms = (System.nanoTime() - start) / 1_000_000;
                best = Math.min(best, ms);
                total += ms;
            }
            long json = System.nanoTime();
            int bytes = SchemaFiles.toJson(snapshot).length();
            System.out.printf(Locale.ROOT, "Snapshot of %d tables (%d indexes, %d constraints): best %d ms, mean %d ms "
                            + "over %d runs; JSON %d KB in %d ms%n", snapshot.tables().size(),
                    snapshot.tables().stream().mapToInt(t -> t.indexes().size()).sum(),
                    snapshot.tables().stream().mapToInt(t -> t.constraints().size()).sum(), best, total / runs, runs,
                    bytes / 1024, (System.nanoTime() - json) / 1_000_000);
        } finally {
            server.dropDatabase(database);
            server.close();
        }
    }
}
