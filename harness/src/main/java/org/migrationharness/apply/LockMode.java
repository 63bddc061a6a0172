package org.migrationharness.apply;

/**
 * A table-level lock mode of PostgreSQL, in the order of its documentation ("Explicit Locking", table-level lock
 * modes), with what each one keeps other sessions from doing: a plain {@code SELECT} takes {@link #ACCESS_SHARE},
 * {@code INSERT}, {@code UPDATE} and {@code DELETE} take {@link #ROW_EXCLUSIVE}.
 */
public enum LockMode {

    ACCESS_SHARE("AccessShareLock"),
    ROW_SHARE("RowShareLock"),
    ROW_EXCLUSIVE("RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock"),
    SHARE("ShareLock"),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock"),
    EXCLUSIVE("ExclusiveLock"),
    ACCESS_EXCLUSIVE("AccessExclusiveLock");

    /** Bit {@code m} of {@code CONFLICTS[n]}: mode n conflicts with mode m (the documentation's conflict table). */
    private static final int[] CONFLICTS = {
        bits(7),
        bits(6, 7),
        bits(4, 5, 6, 7),
        bits(3, 4, 5, 6, 7),
        bits(2, 3, 5, 6, 7),
        bits(2, 3, 4, 5, 6, 7),
        bits(1, 2, 3, 4, 5, 6, 7),
        bits(0, 1, 2, 3, 4, 5, 6, 7),
    };

    private final String pgLocks;

    LockMode(String pgLocks) {
        this.pgLocks = pgLocks;
    }

    private static int bits(int... ordinals) {
        int bits = 0;
        for (int ordinal : ordinals) {
            bits |= 1 << ordinal;
        }
        return bits;
    }

    /** The mode as {@code pg_locks.mode} names it, e.g. {@code AccessExclusiveLock}. */
    public String pgLocksName() {
        return pgLocks;
    }

    /** The mode as the documentation and {@code LOCK TABLE} name it, e.g. {@code ACCESS EXCLUSIVE}. */
    public String readable() {
        return name().replace('_', ' ');
    }

    /** Whether a session holding this mode keeps another from taking {@code other} on the same table. */
    public boolean conflictsWith(LockMode other) {
        return (CONFLICTS[ordinal()] & (1 << other.ordinal())) != 0;
    }

    /** Whether it blocks plain reads ({@code SELECT}, which takes ACCESS SHARE): only ACCESS EXCLUSIVE does. */
    public boolean blocksReads() {
        return conflictsWith(ACCESS_SHARE);
    }

    /**
     * Whether it blocks writes ({@code INSERT}, {@code UPDATE}, {@code DELETE}, which take ROW EXCLUSIVE): SHARE,
     * SHARE ROW EXCLUSIVE, EXCLUSIVE and ACCESS EXCLUSIVE do.
     */
    public boolean blocksWrites() {
        return conflictsWith(ROW_EXCLUSIVE);
    }

    /**
     * The mode {@code pg_locks} names so ({@code AccessExclusiveLock}), or as written in {@code LOCK TABLE}
     * ({@code ACCESS EXCLUSIVE}, any case).
     *
     * @throws IllegalArgumentException for any other name (a row-level or predicate lock such as {@code SIReadLock})
     */
    public static LockMode of(String name) {
        for (LockMode mode : values()) {
            if (mode.pgLocks.equals(name) || mode.readable().equalsIgnoreCase(name.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Not a table-level lock mode: " + name);
    }
}
