package org.migrationharness.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.migrationharness.sql.Names;

/** What the seed loader needs to know about tables, read from pg_catalog once per table and load. */
final class TableCatalog {

    private final Connection connection;
    private final String defaultSchema;
    private final Map<String, Optional<Table>> tables = new HashMap<>();

    TableCatalog(Connection connection, String defaultSchema) {
        this.connection = connection;
        this.defaultSchema = defaultSchema;
    }

    String defaultSchema() {
        return defaultSchema;
    }

    /** The table a fixture names: {@code name} in the default schema, or {@code schema.name}. */
    Optional<Table> table(String written) throws SQLException {
        int dot = written.indexOf('.');
        String schema = dot < 0 ? defaultSchema : written.substring(0, dot);
        String name = dot < 0 ? written : written.substring(dot + 1);
        String qualified = schema + "." + name;
        if (!tables.containsKey(qualified)) {
            tables.put(qualified, load(schema, name));
        }
        return tables.get(qualified);
    }

    /** The ordinary and partitioned tables of a schema, by name. */
    List<String> tablesIn(String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p')"
                + " AND NOT c.relispartition ORDER BY c.relname")) {
            statement.setString(1, schema);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    private Optional<Table> load(String schema, String name) throws SQLException {
        long oid;
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.oid FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?"
                + " AND c.relkind IN ('r', 'p')")) {
            statement.setString(1, schema);
            statement.setString(2, name);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                oid = rs.getLong(1);
            }
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.attname,"
                + " format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef, a.attidentity, a.attgenerated,"
                + " t.typcategory, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                + " WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            statement.setString(1, Long.toString(oid));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String typname = rs.getString(8);
                    columns.put(rs.getString(1), new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            rs.getBoolean(4), rs.getString(5), rs.getString(6), "A".equals(rs.getString(7)),
                            typname.equals("json") || typname.equals("jsonb")));
                }
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT con.conname, fn.nspname, fc.relname,"
                + " array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, pos)"
                + "   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.pos)::text[],"
                + " array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, pos)"
                + "   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.pos)::text[]"
                + " FROM pg_constraint con JOIN pg_class fc ON fc.oid = con.confrelid"
                + " JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
                + " WHERE con.contype = 'f' AND con.conrelid = ?::oid ORDER BY con.conname")) {
            statement.setString(1, Long.toString(oid));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    foreignKeys.add(new ForeignKey(rs.getString(1), rs.getString(2) + "." + rs.getString(3),
                            List.of((String[]) rs.getArray(4).getArray()), List.of((String[]) rs.getArray(5).getArray())));
                }
            }
        }
        List<String> primaryKey = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.attname FROM pg_index i"
                + " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(num, pos)"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num"
                + " WHERE i.indrelid = ?::oid AND i.indisprimary ORDER BY k.pos")) {
            statement.setString(1, Long.toString(oid));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    primaryKey.add(rs.getString(1));
                }
            }
        }
        return Optional.of(new Table(schema, name, columns, foreignKeys, primaryKey));
    }

    /** A table: its columns in order, foreign keys and primary key. */
    record Table(String schema, String name, Map<String, Column> columns, List<ForeignKey> foreignKeys,
                 List<String> primaryKey) {

        String qualified() {
            return schema + "." + name;
        }

        /** The quoted, qualified name for SQL. */
        String sql() {
            return quote(schema) + "." + quote(name);
        }

        /** The single-column foreign key on {@code column} to {@code target}, if any. */
        Optional<ForeignKey> foreignKey(String column, String target) {
            return foreignKeys.stream().filter(fk -> fk.columns().size() == 1 && fk.columns().get(0).equals(column)
                    && fk.target().equals(target)).findFirst();
        }
    }

    /**
     * A column.
     *
     * @param type the type as {@code format_type} writes it, e.g. {@code numeric(10,2)} or {@code catalog_service.product_status}
     * @param identity {@code a} (always), {@code d} (by default) or empty
     * @param generated {@code s} for a stored generated column, else empty
     */
    record Column(String name, String type, boolean notNull, boolean hasDefault, String identity, String generated,
                  boolean array, boolean json) {

        boolean generatedAlways() {
            return "a".equals(identity) || "s".equals(generated);
        }

        /** Whether an insert may leave it out. */
        boolean optional() {
            return !notNull || hasDefault || !identity.isEmpty() || !generated.isEmpty();
        }
    }

    /** A foreign key: {@code columns} of the table refer to {@code targetColumns} of {@code target} (qualified). */
    record ForeignKey(String name, String target, List<String> columns, List<String> targetColumns) {
    }

    /** {@link Names#quote}, under the name the seed loader calls it by. */
    static String quote(String identifier) {
        return Names.quote(identifier);
    }
}
