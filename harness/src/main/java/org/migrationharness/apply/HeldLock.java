package org.migrationharness.apply;

/**
 * A lock a script took on a table that existed before it.
 *
 * @param mode the mode as {@code pg_locks} names it ({@code AccessExclusiveLock}, ...)
 * @param takenBy the 0-based index of the statement that first took it
 * @param heldNanos from the start of that statement until its transaction ended: the commit (or the script's own
 *        {@code COMMIT}), or the statement's own end when it ran in a transaction of its own
 */
public record HeldLock(String mode, int takenBy, long heldNanos) {

    /** The mode, with what it blocks. */
    public LockMode lockMode() {
        return LockMode.of(mode);
    }

    /** Whether it blocks plain reads of the table while held. */
    public boolean blocksReads() {
        return lockMode().blocksReads();
    }

    /** Whether it blocks writes to the table while held. */
    public boolean blocksWrites() {
        return lockMode().blocksWrites();
    }

    /** The mode as the documentation names it, e.g. {@code ACCESS EXCLUSIVE}. */
    public String readableMode() {
        return lockMode().readable();
    }
}
