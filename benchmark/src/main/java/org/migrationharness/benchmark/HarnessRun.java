package org.migrationharness.benchmark;

import java.util.List;
import java.util.stream.Collectors;

import org.migrationharness.Finding;
import org.migrationharness.apply.Migrator;
import org.migrationharness.check.Verifier;
import org.migrationharness.check.VerifyOptions;
import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.report.CheckResult;
import org.migrationharness.report.ServiceReport;
import org.migrationharness.schema.SchemaFiles;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;

/**
 * Run c: the harness's {@code verify} with every check, in-process through its public API, as
 * {@code verify --migrations DIR --expected FILE --seeds DIR} runs it: reading the folder, then every check on the
 * server. The expected schema is written once beforehand (as {@code snapshot} writes it), so {@code schema.expected}
 * runs too. The report must pass with no check skipped, or the benchmark fails.
 */
final class HarnessRun {

    private final PostgresServer server;
    private final GeneratedSet set;
    private final String name;

    /** Writes the set's expected schema (untimed): the generated migrations applied on a fresh database. */
    HarnessRun(PostgresServer server, GeneratedSet set) {
        this.server = server;
        this.set = set;
        this.name = "bench_" + set.size();
        MigrationSet read = MigrationSetReader.read(set.flyway(), name);
        Database database = server.createDatabase(name + "_expected");
        try {
            Migrator migrator = new Migrator(read, database);
            migrator.migrateAll();
            SchemaFiles.write(SchemaReader.read(database, read.config().schemas(), migrator.bookkeepingTables()),
                    set.expected());
        } finally {
            server.dropDatabase(database);
        }
    }

    /** One verify: its wall time in nanoseconds, its report, and the peak heap it used. */
    record Result(long nanos, ServiceReport report, long peakHeapBytes) {
    }

    /** Verifies the set; fails the benchmark unless every check ran and passed. */
    Result run() {
        HeapPeak heap = HeapPeak.start();
        long start = System.nanoTime();
        MigrationSet read = MigrationSetReader.read(set.flyway(), name);
        ServiceReport report = new Verifier(server).verify(read,
                new VerifyOptions(set.expected(), true, set.seeds(), List.of()));
        long elapsed = System.nanoTime() - start;
        long peak = heap.peakBytes();
        check(report);
        return new Result(elapsed, report, peak);
    }

    private void check(ServiceReport report) {
        List<String> notPassed = report.checks().stream().filter(c -> c.status() != CheckResult.Status.PASSED)
                .map(c -> c.check() + " " + c.status().id() + (c.reason() == null ? "" : " (" + c.reason() + ")"))
                .toList();
        if (report.status() != ServiceReport.Status.PASSED || !notPassed.isEmpty()
                || report.checks().size() != Verifier.checkIds().size()) {
            String findings = report.findings().stream().map(Finding::toString).collect(Collectors.joining("\n  "));
            throw new BenchmarkException("verify of the generated set of " + set.size() + " migrations in "
                    + set.flyway() + " did not pass every check: status " + report.status().id() + ", "
                    + report.checks().size() + " of " + Verifier.checkIds().size() + " checks reported"
                    + (notPassed.isEmpty() ? "" : ", not passed: " + notPassed)
                    + (findings.isEmpty() ? "" : "\n  " + findings));
        }
    }
}
