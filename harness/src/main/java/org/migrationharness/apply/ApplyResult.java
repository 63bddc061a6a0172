package org.migrationharness.apply;

import java.util.List;

/**
 * What one migrate or undo did.
 *
 * @param versionBefore the database's version before, or null for an empty database
 * @param versionAfter the database's version after, or null
 * @param applied the versions applied (up) or reverted (down), in the order they ran; repeatables by description
 */
public record ApplyResult(String versionBefore, String versionAfter, List<String> applied) {

    public ApplyResult {
        applied = List.copyOf(applied);
    }
}
