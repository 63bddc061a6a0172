package org.migrationharness.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.migrationharness.postgres.Database;
import org.migrationharness.postgres.PostgresServer;
import org.migrationharness.report.CheckResult;

/**
 * Times a, b and c on one generated set: R rounds, each running a, then b, then c, so that a slow stretch of the
 * machine touches all three alike. a and b each get a fresh database of the server, created before their clock starts
 * and dropped after it stops; c creates (and drops) its own databases inside its time, as verify does.
 */
final class SizeBenchmark {

    private final PostgresServer server;
    private final GeneratedSet set;
    private final SqlFloor floor;
    private final LiquibaseRun liquibase;
    private final HarnessRun harness;

    SizeBenchmark(PostgresServer server, GeneratedSet set) {
        this.server = server;
        this.set = set;
        this.floor = new SqlFloor(set);
        this.liquibase = new LiquibaseRun(set);
        this.harness = new HarnessRun(server, set);
    }

    /** What one size measured. */
    record Result(int n, Spread floor, Spread liquibase, Spread verify, long peakHeapBytes,
                  List<CheckResult> medianVerifyChecks) {

        /** c/b of the medians. */
        double verifyToLiquibase() {
            return (double) verify.median() / liquibase.median();
        }

        /** c/a of the medians. */
        double verifyToFloor() {
            return (double) verify.median() / floor.median();
        }

        /** c's median per migration, in nanoseconds. */
        double verifyPerStep() {
            return (double) verify.median() / n;
        }
    }

    /** Runs {@code warmup} untimed rounds, then {@code rounds} timed ones; {@code progress} hears of each. */
    Result run(int warmup, int rounds, Progress progress) {
        for (int i = 1; i <= warmup; i++) {
            progress.round(set.size(), "warm-up " + i + "/" + warmup);
            round();
        }
        List<Round> measured = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            progress.round(set.size(), "round " + i + "/" + rounds);
            measured.add(round());
        }
        List<Long> verify = times(measured, r -> r.verify().nanos());
        Round median = measured.get(Spread.medianIndex(verify));
        long peakHeap = measured.stream().mapToLong(r -> r.verify().peakHeapBytes()).max().orElseThrow();
        return new Result(set.size(), Spread.of(times(measured, Round::floor)), Spread.of(times(measured, Round::liquibase)),
                Spread.of(verify), peakHeap, median.verify().report().checks());
    }

    private record Round(long floor, long liquibase, HarnessRun.Result verify) {
    }

    private Round round() {
        long a = onFreshDatabase("floor", floor::run);
        long b = onFreshDatabase("liquibase", liquibase::run);
        HarnessRun.Result c = harness.run();
        return new Round(a, b, c);
    }

    private long onFreshDatabase(String label, ToLongFunction<Database> run) {
        Database database = server.createDatabase("bench_" + label + "_" + set.size());
        try {
            return run.applyAsLong(database);
        } finally {
            server.dropDatabase(database);
        }
    }

    private static List<Long> times(List<Round> rounds, ToLongFunction<Round> time) {
        return rounds.stream().map(time::applyAsLong).toList();
    }

    /** Hears which round starts, for the console. */
    interface Progress {
        void round(int n, String which);
    }
}
