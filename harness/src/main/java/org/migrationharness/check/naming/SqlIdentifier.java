package org.migrationharness.check.naming;

import org.migrationharness.sql.Names;

/**
 * An identifier as written in a script.
 *
 * @param name the identifier as the server reads it before truncation: folded to lower case when unquoted, with
 *             {@code ""} read as {@code "} when quoted
 * @param quoted whether it was written in double quotes
 * @param line the 1-based line it starts on
 */
public record SqlIdentifier(String name, boolean quoted, int line) {

    /** Its length in bytes (UTF-8). */
    public int bytes() {
        return Names.bytes(name);
    }

    /** Whether the server truncates it (longer than 63 bytes). */
    public boolean truncated() {
        return bytes() > Names.MAX_BYTES;
    }

    /** The name the server stores: the first 63 bytes. */
    public String stored() {
        return Names.truncated(name);
    }
}
