package org.migrationharness.seed;

import java.nio.file.Path;
import java.util.List;

/** Hears a seed load's progress, e.g. to show it on a console. Every method does nothing by default. */
public interface SeedListener {

    SeedListener NONE = new SeedListener() {
    };

    /**
     * A file starts loading.
     *
     * @param file the seed file
     * @param table the qualified table a row fixture fills, or null for an SQL file
     */
    default void fileStarted(Path file, String table) {
    }

    /**
     * A file loaded (the transaction is still open: nothing is committed before every file loaded).
     *
     * @param file the seed file
     * @param counts what it did, per table (for an SQL file: the tables its INSERT and UPDATE statements named)
     */
    default void fileFinished(Path file, List<TableCount> counts) {
    }
}
