package org.migrationharness.check;

import java.nio.file.Path;

import org.migrationharness.source.MigrationSet;

/**
 * What the history checks ({@code history.modified}, {@code history.out-of-order}) compare a set with: the same set as
 * it is on the base (the main branch, a release), read by the same reader in the same format.
 *
 * @param folder the base's folder of this set (shown in messages)
 * @param set the base's set, or null when the base has no such folder: the set is new, nothing to compare
 */
public record HistoryBase(Path folder, MigrationSet set) {

    /** The skip reason of the history checks when no base was given. */
    public static final String NO_BASE = "no base given (--base REF or --base-dir DIR)";
}
