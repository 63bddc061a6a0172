package org.migrationharness.apply;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scripts running right now in this JVM, one per thread: what a progress display shows when a step takes long
 * ("V3__backfill.sql (up) has been running for 15 s"). The {@link Migrator} registers every up and down script it runs.
 */
public final class RunningScripts {

    private static final Map<Thread, Running> RUNNING = new ConcurrentHashMap<>();

    private RunningScripts() {
    }

    /**
     * A script that is running.
     *
     * @param script the script's file name (e.g. {@code V3__backfill.sql})
     * @param direction {@code up} or {@code down}
     * @param database the database it runs in
     * @param since when it started
     */
    public record Running(String script, String direction, String database, Instant since) {

        /** How long it has been running. */
        public Duration elapsed() {
            return Duration.between(since, Instant.now());
        }
    }

    /** Every script running now, the longest-running first. */
    public static List<Running> now() {
        return RUNNING.values().stream().sorted(Comparator.comparing(Running::since)).toList();
    }

    static void started(Path script, String direction, String database) {
        started(script.getFileName().toString(), direction, database);
    }

    static void started(String script, String direction, String database) {
        RUNNING.put(Thread.currentThread(), new Running(script, direction, database, Instant.now()));
    }

    static void finished() {
        RUNNING.remove(Thread.currentThread());
    }
}
