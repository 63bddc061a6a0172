package org.migrationharness.seed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row fixture file as read, before the database says what its names mean.
 *
 * @param file the file
 * @param table the table as written ({@code products} or {@code schema.products})
 * @param key the natural key columns
 * @param update whether rows matched by natural key are updated to the fixture's values (default false: left alone)
 * @param defaults values for every row that does not give the column itself
 * @param rows the rows, in file order
 */
record RowFixture(Path file, String table, List<String> key, boolean update, Map<String, JsonNode> defaults,
                  List<Row> rows) {

    RowFixture {
        key = List.copyOf(key);
        defaults = new LinkedHashMap<>(defaults);
        rows = List.copyOf(rows);
    }

    /**
     * One row.
     *
     * @param index 1-based position in the file's {@code rows}
     * @param line the 1-based line where it starts, or 0
     * @param values column to value, as written
     */
    record Row(int index, int line, Map<String, JsonNode> values) {
    }

    /** The row's values with the fixture's defaults under them, in column order of first mention. */
    Map<String, JsonNode> valuesOf(Row row) {
        Map<String, JsonNode> values = new LinkedHashMap<>(row.values());
        defaults.forEach(values::putIfAbsent);
        return values;
    }
}
