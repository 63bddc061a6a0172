package org.migrationharness.source;

import java.util.Optional;

/**
 * One versioned migration: its up script, and its down script or the reason it has none.
 *
 * @param version the version
 * @param description the description from the file name
 * @param up the up script
 * @param down the down script, or null
 * @param irreversibleReason the reason given by a down script that marks the migration irreversible
 *        ({@code -- harness:irreversible <reason>}), or null
 */
public record Migration(MigrationVersion version, String description, Script up, Script down, String irreversibleReason) {

    public Optional<Script> downScript() {
        return Optional.ofNullable(down);
    }

    /** Whether the migration is declared irreversible by its down script. */
    public boolean irreversible() {
        return irreversibleReason != null;
    }

    /** Whether a down script exists that can be run. */
    public boolean reversible() {
        return down != null && irreversibleReason == null;
    }
}
