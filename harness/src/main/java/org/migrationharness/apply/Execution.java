package org.migrationharness.apply;

/** How a tool sends one script to the server: what a format's runner chooses per script. */
public enum Execution {

    /**
     * The whole script as one simple-protocol query, as golang-migrate's {@code Exec}, Prisma and dbmate's {@code transaction:false} do. PostgreSQL runs
     * a query of several statements as one implicit transaction; a script of one statement runs alone, so a file
     * that holds only {@code CREATE INDEX CONCURRENTLY} works, and so does a file with its own {@code BEGIN; ...
     * COMMIT;}. The bookkeeping is updated apart, after it.
     */
    WHOLE_SCRIPT,

    /** Statement by statement in one transaction, with the bookkeeping update (goose, dbmate by default). */
    TRANSACTION,

    /**
     * Statement by statement in one transaction with the bookkeeping update, unless a statement cannot run in a
     * transaction block ({@code CREATE INDEX CONCURRENTLY}): then each statement commits on its own.
     */
    TRANSACTION_UNLESS_IMPOSSIBLE,

    /**
     * Statement by statement, each committed on its own, as {@code psql -f} runs a file: a {@code BEGIN; ...
     * COMMIT;} in the script is honoured (goose's {@code NO TRANSACTION}, psql).
     */
    AUTOCOMMIT
}
