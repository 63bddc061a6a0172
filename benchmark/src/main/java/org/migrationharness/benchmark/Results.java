package org.migrationharness.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.migrationharness.report.CheckResult;

/**
 * Everything one benchmark run measured, and how it is shown: as text on the console and as Markdown tables.
 *
 * @param started when the run started (UTC, to the minute)
 * @param machine {@link Machine#describe()}
 * @param postgres the server's version and backend, e.g. {@code 17.6 (embedded)}
 * @param rounds timed rounds per size
 * @param warmup untimed rounds before the first size
 * @param sizes the results per set size
 * @param verifyAll the verify --all results, or null when skipped
 * @param loadBefore the load average before the run
 * @param loadAfter the load average after it
 */
record Results(String started, String machine, String postgres, int rounds, int warmup,
               List<SizeBenchmark.Result> sizes, VerifyAll verifyAll, String loadBefore, String loadAfter) {

    /** The goals of the issue. */
    static final double GOAL_VERIFY_TO_LIQUIBASE = 0.5;
    static final double GOAL_VERIFY_TO_FLOOR = 3.0;
    static final double GOAL_VERIFY_ALL_SECONDS = 10.0;

    /**
     * verify --all's measurements.
     *
     * @param services how many services the repository holds
     * @param wall wall time per run, nanoseconds
     * @param peakRss the JVM's peak resident memory per run, bytes
     */
    record VerifyAll(int services, String backend, Spread wall, Spread peakRss) {
    }

    /** The text of one size, for the console. */
    static String text(SizeBenchmark.Result r, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "N = %d migrations, %d round(s)            median       min       max%n",
                r.n(), rounds));
        out.append(line("a  SQL floor (up, down, up)", r.floor()));
        out.append(line("b  Liquibase update-testing-rollback", r.liquibase()));
        out.append(line("c  harness verify, every check", r.verify()));
        out.append(String.format(Locale.ROOT, "   c/b = %.2f (goal at most %.1f: %s)   c/a = %.2f (goal at most %.0f: %s)%n",
                r.verifyToLiquibase(), GOAL_VERIFY_TO_LIQUIBASE, met(r.verifyToLiquibase() <= GOAL_VERIFY_TO_LIQUIBASE),
                r.verifyToFloor(), GOAL_VERIFY_TO_FLOOR, met(r.verifyToFloor() <= GOAL_VERIFY_TO_FLOOR)));
        out.append(String.format(Locale.ROOT, "   c per migration: %.1f ms   peak heap during c: %d MiB%n",
                r.verifyPerStep() / 1e6, mib(r.peakHeapBytes())));
        out.append("   checks of the median verify run:\n");
        for (CheckResult check : r.medianVerifyChecks()) {
            out.append(String.format(Locale.ROOT, "     %-26s %7d ms  %s%n", check.check(), check.durationMs(),
                    check.status().id()));
        }
        return out.toString();
    }

    /** The text of verify --all, for the console. */
    static String text(VerifyAll all, int rounds) {
        return String.format(Locale.ROOT, "verify --all (%d services, --postgres %s), %d round(s)   median       min       max%n",
                all.services(), all.backend(), rounds)
                + line("wall time of the process", all.wall())
                + String.format(Locale.ROOT, "   %-40s %7d MiB %5d MiB %5d MiB%n", "peak RSS of its JVM",
                mib(all.peakRss().median()), mib(all.peakRss().min()), mib(all.peakRss().max()))
                + String.format(Locale.ROOT, "   goal: under %.0f s wall: %s%n", GOAL_VERIFY_ALL_SECONDS,
                met(all.wall().median() / 1e9 < GOAL_VERIFY_ALL_SECONDS));
    }

    private static String line(String what, Spread spread) {
        return String.format(Locale.ROOT, "   %-40s %7.2f s %7.2f s %7.2f s%n", what, seconds(spread.median()),
                seconds(spread.min()), seconds(spread.max()));
    }

    /** The run as Markdown: a heading, the machine, the table of sizes, the checks' durations, verify --all. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Run of ").append(started).append("\n\n");
        md.append("PostgreSQL ").append(postgres).append("; ").append(rounds).append(" timed round(s) per size after ")
                .append(warmup).append(" warm-up round(s); ").append(machine).append("; load average (1, 5, 15 min) ")
                .append(loadBefore).append(" before, ").append(loadAfter).append(" after.\n\n");
        md.append("Times in seconds: median (min–max).\n\n");
        md.append("| N | a: SQL floor | b: Liquibase update-testing-rollback | c: verify | c/b (goal ≤ 0.5) "
                + "| c/a (goal ≤ 3) | c per migration | c peak heap |\n");
        md.append("|---:|---|---|---|---:|---:|---:|---:|\n");
        for (SizeBenchmark.Result r : sizes) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %.2f | %.2f | %.1f ms | %d MiB |%n", r.n(),
                    cell(r.floor()), cell(r.liquibase()), cell(r.verify()), r.verifyToLiquibase(), r.verifyToFloor(),
                    r.verifyPerStep() / 1e6, mib(r.peakHeapBytes())));
        }
        md.append("\nThe checks of the median verify run, in ms:\n\n");
        md.append("| check |");
        sizes.forEach(r -> md.append(" N=").append(r.n()).append(" |"));
        md.append("\n|---|");
        sizes.forEach(r -> md.append("---:|"));
        md.append('\n');
        for (String check : checkIds()) {
            md.append("| ").append(check).append(" |");
            for (SizeBenchmark.Result r : sizes) {
                md.append(' ').append(r.medianVerifyChecks().stream().filter(c -> c.check().equals(check))
                        .map(c -> Long.toString(c.durationMs())).findFirst().orElse("–")).append(" |");
            }
            md.append('\n');
        }
        if (verifyAll != null) {
            md.append("\n| verify --all | wall time, s | peak RSS of its JVM, MiB |\n|---|---|---|\n");
            md.append(String.format(Locale.ROOT, "| %d services, --postgres %s | %s | %d (%d–%d) |%n",
                    verifyAll.services(), verifyAll.backend(), cell(verifyAll.wall()), mib(verifyAll.peakRss().median()),
                    mib(verifyAll.peakRss().min()), mib(verifyAll.peakRss().max())));
        }
        return md.append('\n').toString();
    }

    private List<String> checkIds() {
        Set<String> ids = new LinkedHashSet<>();
        sizes.forEach(r -> r.medianVerifyChecks().forEach(c -> ids.add(c.check())));
        return new ArrayList<>(ids);
    }

    private static String cell(Spread spread) {
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", seconds(spread.median()), seconds(spread.min()),
                seconds(spread.max()));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long mib(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0);
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }
}
