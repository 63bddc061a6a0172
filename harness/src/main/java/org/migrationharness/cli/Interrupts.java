package org.migrationharness.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.migrationharness.postgres.PostgresBackend;
import org.migrationharness.postgres.PostgresServer;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM for the command-line process: the run stops cleanly instead of dying mid-statement.
 *
 * <p>On the first signal the server is interrupted ({@link PostgresServer#interrupt()}: running statements cancelled,
 * no new database created); the command then finishes its report of what was done, closes the server (dropping
 * every database the run created) and the process exits 130 (SIGINT) or 143 (SIGTERM) with one line
 * "interrupted: N databases dropped". If the command has not finished 20 seconds later, the databases are dropped
 * from here and the process exits; a second signal exits at once (the shutdown hook still drops the databases).
 *
 * <p>Installed only by {@link Main#main}: a JVM that calls {@link Main#run} (a test) keeps its own signal handling.
 */
final class Interrupts {

    private static final long GRACE_SECONDS = 20;
    private static volatile Interrupts installed;

    private final PrintStream err;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile PostgresServer server;
    private volatile String signal;

    private Interrupts(PrintStream err) {
        this.err = err;
    }

    /** Handles SIGINT and SIGTERM in this JVM from now on. */
    static void install(PrintStream err) {
        Interrupts interrupts = new Interrupts(err);
        installed = interrupts;
        Signal.handle(new Signal("INT"), interrupts::handle);
        Signal.handle(new Signal("TERM"), interrupts::handle);
    }

    /** The command now runs on this server: a signal interrupts it. */
    static void serving(PostgresServer server) {
        Interrupts interrupts = installed;
        if (interrupts != null) {
            interrupts.server = server;
            if (interrupts.signal != null) {
                server.interrupt();
            }
        }
    }

    /** Whether a signal interrupted the run. */
    static boolean interrupted() {
        Interrupts interrupts = installed;
        return interrupts != null && interrupts.signal != null;
    }

    /**
     * After the command returned: when it was interrupted, says how many databases were dropped and returns the
     * exit code of the signal (130 or 143); else returns {@code code}.
     */
    static int finish(int code) {
        Interrupts interrupts = installed;
        if (interrupts == null || interrupts.signal == null) {
            return code;
        }
        PostgresServer server = interrupts.server;
        boolean stopped = server != null && server.backend() != PostgresBackend.EXTERNAL;
        interrupts.err.println("interrupted: " + (server == null ? 0 : server.databasesDroppedAfterInterrupt())
                + " databases dropped" + (stopped ? ", server stopped" : ""));
        interrupts.finished.countDown();
        return interrupts.exitCode();
    }

    private int exitCode() {
        return "TERM".equals(signal) ? 143 : 130;
    }

    private void handle(Signal received) {
        if (signal != null) {
            err.println("interrupted again: exiting now");
            System.exit(exitCode());
            return;
        }
        signal = received.getName();
        err.println("interrupted (SIG" + signal + "): cancelling the running statements; Ctrl-C again to exit at once");
        PostgresServer current = server;
        if (current == null) {
            System.exit(exitCode()); // no server yet: nothing to report, the shutdown hook stops one that is starting
            return;
        }
        current.interrupt();
        try {
            if (finished.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int count = current.createdDatabases().size();
        try {
            current.close();
            err.println("interrupted: " + count + " databases dropped (the run did not stop within " + GRACE_SECONDS + " s)");
        } catch (RuntimeException e) {
            err.println("interrupted: " + e.getMessage());
        }
        Runtime.getRuntime().halt(exitCode());
    }
}
