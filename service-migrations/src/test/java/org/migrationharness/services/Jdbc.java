package org.migrationharness.services;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.migrationharness.apply.Migrator;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;

/** Small JDBC helpers for the data-migration tests: statements, rows as maps, single values, the schema. */
final class Jdbc {

    private Jdbc() {
    }

    /** Runs each statement in autocommit mode. */
    static void execute(Database database, String... statements) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    /** Every row of the query, each as column label -> value (in select order). */
    static List<Map<String, Object>> rows(Database database, String sql, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /** The first column of the query's single row. */
    static <T> T value(Database database, Class<T> type, String sql, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No row from: " + sql);
                }
                T value = rs.getObject(1, type);
                if (rs.next()) {
                    throw new IllegalStateException("More than one row from: " + sql);
                }
                return value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /** The column names of a table, in order (empty when the table does not exist). */
    static List<String> columns(Database database, String schema, String table) {
        return rows(database, "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                + " ORDER BY ordinal_position", schema, table).stream().map(r -> (String) r.get("column_name")).toList();
    }

    /** The type of a column as format_type writes it, e.g. {@code numeric(12,2)}. */
    static String columnType(Database database, String schema, String table, String column) {
        return value(database, String.class, "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                + " WHERE a.attrelid = to_regclass(quote_ident(?) || '.' || quote_ident(?)) AND a.attname = ?"
                + " AND NOT a.attisdropped", schema, table, column);
    }

    /** Migrates to the latest version and reads the service's one schema (without the tool's bookkeeping table). */
    static SchemaSnapshot migratedSchema(Migrator migrator, Database database, String schema) {
        migrator.migrateAll();
        return SchemaReader.read(database, List.of(schema), migrator.bookkeepingTables());
    }
}
