package org.migrationharness.check.naming;

import java.nio.file.Path;
import java.util.List;

/**
 * The identifiers of one migration script, with placeholders replaced.
 *
 * @param migration the version as written in the file name, null for a repeatable
 * @param file the script
 * @param up whether it is applied on the way up (an up script or a repeatable, not a down script): objects found in
 *           the catalog are located in these
 * @param identifiers its identifiers, in order
 */
public record ScannedScript(String migration, Path file, boolean up, List<SqlIdentifier> identifiers) {

    public ScannedScript {
        identifiers = List.copyOf(identifiers);
    }

    /** Scans a script's text. */
    public static ScannedScript of(String migration, Path file, boolean up, String sql) {
        return new ScannedScript(migration, file, up, SqlIdentifiers.scan(sql));
    }
}
