package org.migrationharness.seed;

/**
 * What a load did to one table.
 *
 * @param table the schema-qualified table, e.g. {@code catalog_service.products}
 * @param inserted rows inserted (for SQL files: the row counts the server reported for INSERT statements)
 * @param updated rows updated because the fixture says {@code update: true} and a value differed (for SQL files: the
 *        row counts of UPDATE statements)
 * @param unchanged rows matched by natural key and left as they were (always 0 for SQL files: the server does not
 *        say how many rows an {@code ON CONFLICT DO NOTHING} skipped)
 */
public record TableCount(String table, long inserted, long updated, long unchanged) {

    /** The sum of two counts of the same table. */
    public TableCount plus(TableCount other) {
        return new TableCount(table, inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
    }

    /** Whether the load changed this table. */
    public boolean changed() {
        return inserted > 0 || updated > 0;
    }
}
