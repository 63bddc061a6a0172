package org.migrationharness.report;

import java.util.List;

/**
 * What a change does to a service's schema: the schema after the base's migrations compared with the schema after
 * this change's, in words, and the tables it touches as a Mermaid ER diagram. Shown by the Markdown report; not part of
 * the JSON report of CONTRACT.md.
 *
 * @param changes each object added, removed or changed, in the order of the schema diff (empty: no change)
 * @param diagram a Mermaid {@code erDiagram} of the tables the change adds or changes and the tables their foreign keys
 *        link them with, or null when it touches no table
 * @param note why there is no comparison (e.g. the base's migrations failed), or null
 */
public record SchemaChange(List<Change> changes, String diagram, String note) {

    public SchemaChange {
        changes = List.copyOf(changes);
    }

    /** No comparison, and why. */
    public static SchemaChange unavailable(String note) {
        return new SchemaChange(List.of(), null, note);
    }

    /**
     * One object's change.
     *
     * @param object the object, e.g. {@code table orders}
     * @param kind added, removed or changed
     * @param details for a changed object, each part that changed, e.g. {@code added column name (text)}; for an added
     *        or removed object, what it is, if anything
     */
    public record Change(String object, Kind kind, List<String> details) {

        public Change {
            details = List.copyOf(details);
        }
    }

    /** How an object changed. */
    public enum Kind {
        ADDED, REMOVED, CHANGED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
