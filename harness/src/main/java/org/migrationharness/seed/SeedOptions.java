package org.migrationharness.seed;

/**
 * How {@link SeedLoader} loads.
 *
 * @param dryRun load in a transaction and roll it back: the counts say what would be inserted and updated, and no
 *        table changes (sequences that the inserts advanced stay advanced: PostgreSQL never rolls them back)
 * @param listener hears the progress per file and table; never null
 */
public record SeedOptions(boolean dryRun, SeedListener listener) {

    public SeedOptions {
        listener = listener == null ? SeedListener.NONE : listener;
    }

    /** Load for real, nobody listening. */
    public static SeedOptions defaults() {
        return new SeedOptions(false, SeedListener.NONE);
    }

    /** The same options as a dry run. */
    public SeedOptions asDryRun() {
        return new SeedOptions(true, listener);
    }

    /** The same options with this listener. */
    public SeedOptions withListener(SeedListener newListener) {
        return new SeedOptions(dryRun, newListener);
    }
}
