package org.migrationharness.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.migrationharness.apply.RunningScripts;

/**
 * Says on stderr which script is running when one takes long: after 5 s, 15 s, 30 s, 1 min, then every minute, so a
 * slow or stuck migration is named while it runs, not only when its timeout ends it.
 */
final class SlowScriptNotice implements AutoCloseable {

    private static final long[] FIRST_NOTICES_S = {5, 15, 30, 60};
    private static final long EVERY_S_AFTER = 60;

    private final PrintStream err;
    private final ScheduledExecutorService timer;
    private final Map<RunningScripts.Running, Integer> noticesGiven = new HashMap<>();

    private SlowScriptNotice(PrintStream err) {
        this.err = err;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "migration-harness-slow-scripts");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::look, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** Starts watching; {@link #close()} stops. */
    static SlowScriptNotice watch(PrintStream err) {
        return new SlowScriptNotice(err);
    }

    private void look() {
        var running = RunningScripts.now();
        noticesGiven.keySet().retainAll(running);
        for (RunningScripts.Running script : running) {
            long seconds = script.elapsed().toSeconds();
            int given = noticesGiven.getOrDefault(script, 0);
            if (seconds >= noticeAt(given)) {
                noticesGiven.put(script, given + 1);
                err.println("   ... still running " + script.script() + " (" + script.direction() + ") after " + seconds
                        + " s in database " + script.database());
            }
        }
    }

    /** When the n-th notice (0-based) is due, in seconds. */
    private static long noticeAt(int n) {
        return n < FIRST_NOTICES_S.length ? FIRST_NOTICES_S[n]
                : FIRST_NOTICES_S[FIRST_NOTICES_S.length - 1] + EVERY_S_AFTER * (n - FIRST_NOTICES_S.length + 1);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
