package org.migrationharness.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;
import org.migrationharness.sql.Names;

/**
 * The data of every table in some schemas, as a multiset of row fingerprints per table ({@code md5} of each row's
 * text, which covers every column). Two snapshots of the same database say which tables' contents changed and by how
 * many rows, whatever the row order: a duplicated row counts, so does a changed value. Partitioned tables are read
 * through their parent. Meant for seeded test databases: it holds one 32-character hash per row in memory.
 *
 * @param tables qualified table name to its rows' fingerprints (hash to how many rows have it)
 */
public record DataSnapshot(Map<String, Map<String, Integer>> tables) {

    public DataSnapshot {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        tables.forEach((table, rows) -> copy.put(table, Map.copyOf(rows)));
        tables = java.util.Collections.unmodifiableMap(copy);
    }

    /** Reads every ordinary and partitioned table of {@code schemas} in {@code database}. */
    public static DataSnapshot of(Database database, List<String> schemas) {
        try (Connection connection = database.connect()) {
            List<String[]> names = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT n.nspname, c.relname FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p')"
                    + " AND NOT c.relispartition ORDER BY n.nspname, c.relname")) {
                statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        names.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            Map<String, Map<String, Integer>> tables = new LinkedHashMap<>();
            for (String[] name : names) {
                Map<String, Integer> rows = new HashMap<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT md5(t::text) FROM " + Names.quote(name[0])
                             + "." + Names.quote(name[1]) + " t")) {
                    while (rs.next()) {
                        rows.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
                tables.put(name[0] + "." + name[1], rows);
            }
            return new DataSnapshot(tables);
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not read the data of " + schemas + " in "
                    + database.name() + ": " + e.getMessage(), e);
        }
    }

    /** How many rows a table holds, 0 for a table not in the snapshot. */
    public int rowCount(String table) {
        return tables.getOrDefault(table, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The tables whose contents differ in {@code after}, by name. */
    public List<TableChange> changesTo(DataSnapshot after) {
        List<TableChange> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(tables.keySet());
        names.addAll(after.tables.keySet());
        for (String table : names) {
            Map<String, Integer> before = tables.getOrDefault(table, Map.of());
            Map<String, Integer> now = after.tables.getOrDefault(table, Map.of());
            int added = 0;
            int removed = 0;
            TreeSet<String> hashes = new TreeSet<>(before.keySet());
            hashes.addAll(now.keySet());
            for (String hash : hashes) {
                int difference = now.getOrDefault(hash, 0) - before.getOrDefault(hash, 0);
                if (difference > 0) {
                    added += difference;
                } else {
                    removed -= difference;
                }
            }
            if (added > 0 || removed > 0) {
                changes.add(new TableChange(table, rowCount(table), after.rowCount(table), added, removed));
            }
        }
        return changes;
    }

    /**
     * How one table's contents changed between two snapshots.
     *
     * @param table the qualified table
     * @param rowsBefore rows before
     * @param rowsAfter rows after
     * @param added rows after that were not there before (a changed row counts as one added and one removed)
     * @param removed rows before that are gone
     */
    public record TableChange(String table, int rowsBefore, int rowsAfter, int added, int removed) {

        /** E.g. {@code catalog_service.brands: 2 rows before, 4 after (2 added)}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (added > 0) {
                parts.add(added + " added");
            }
            if (removed > 0) {
                parts.add(removed + " removed");
            }
            String changed = added == removed ? ", " + added + (added == 1 ? " row" : " rows") + " changed" : "";
            return table + ": " + rowsBefore + (rowsBefore == 1 ? " row" : " rows") + " before, " + rowsAfter
                    + " after (" + String.join(", ", parts) + changed + ")";
        }
    }
}
