package org.migrationharness.benchmark;

/** The benchmark cannot go on; the message names what failed. */
final class BenchmarkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean usage;

    BenchmarkException(String message) {
        this(message, null, false);
    }

    BenchmarkException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private BenchmarkException(String message, Throwable cause, boolean usage) {
        super(message, cause);
        this.usage = usage;
    }

    /** A bad command line (exit 2). */
    static BenchmarkException usage(String message) {
        return new BenchmarkException(message, null, true);
    }

    boolean isUsage() {
        return usage;
    }
}
