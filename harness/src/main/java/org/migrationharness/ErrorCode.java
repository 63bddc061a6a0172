package org.migrationharness;

/** What kind of failure a {@link HarnessException} reports. Each kind maps to one exit code of the CLI. */
public enum ErrorCode {
    /** A bad option, switch or argument: the caller must change the call. Exit code 2. */
    USAGE(2),
    /** A file or folder that cannot be read or understood: a migration set, a configuration, a seed. Exit code 2. */
    INPUT(2),
    /** A migration or seed failed on the server; findings normally carry this, exceptions only from the API. Exit code 1. */
    MIGRATION_FAILED(1),
    /** No PostgreSQL could be started or reached, or the server refused an administrative action. Exit code 3. */
    ENVIRONMENT(3),
    /** A safety switch refused a dangerous action (seeding production, overwriting an expectation). Exit code 2. */
    REFUSED(2);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The CLI exit code for this kind of failure (see CONTRACT.md). */
    public int exitCode() {
        return exitCode;
    }
}
