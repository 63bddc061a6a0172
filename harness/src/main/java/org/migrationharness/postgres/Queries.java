package org.migrationharness.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Secrets;
import org.postgresql.util.PGobject;

/** The JDBC work behind {@link Database}'s data methods: one connection per call, autocommit, values without driver types. */
final class Queries {

    private Queries() {
    }

    static List<Map<String, Object>> query(Database database, String sql, Object... parameters) {
        return run(database, sql, parameters, statement -> {
            try (ResultSet rs = statement.getResultSet()) {
                if (rs == null) {
                    throw new HarnessException(ErrorCode.USAGE, "The statement returned no rows to read (use execute for it)"
                            + " on database " + database.name() + ":\n" + sql);
                }
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), plain(rs, c));
                    }
                    rows.add(Collections.unmodifiableMap(row));
                }
                return List.copyOf(rows);
            }
        });
    }

    static <T> List<T> queryForList(Database database, Class<T> type, String sql, Object... parameters) {
        return run(database, sql, parameters, statement -> {
            try (ResultSet rs = statement.getResultSet()) {
                if (rs == null) {
                    throw new HarnessException(ErrorCode.USAGE, "The statement returned no rows to read (use execute for it)"
                            + " on database " + database.name() + ":\n" + sql);
                }
                List<T> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(value(rs, type));
                }
                return Collections.unmodifiableList(values);
            }
        });
    }

    static <T> T queryForObject(Database database, Class<T> type, String sql, Object... parameters) {
        List<T> values = queryForList(database, type, sql, parameters);
        if (values.size() != 1) {
            throw new HarnessException(ErrorCode.USAGE, "Expected exactly one row but the query returned " + values.size()
                    + " on database " + database.name() + ":\n" + sql);
        }
        return values.get(0);
    }

    static int execute(Database database, String sql, Object... parameters) {
        return run(database, sql, parameters, Statement::getUpdateCount);
    }

    private interface Work<R> {
        R on(Statement executed) throws SQLException;
    }

    /**
     * Runs one statement: a plain Statement without parameters (so {@code ?} is SQL, as psql reads it), else a
     * PreparedStatement with the parameters bound in order.
     */
    private static <R> R run(Database database, String sql, Object[] parameters, Work<R> work) {
        try (Connection connection = database.connect()) {
            if (parameters.length == 0) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                    return work.on(statement);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.execute();
                return work.on(statement);
            }
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.MIGRATION_FAILED, Secrets.mask("SQL failed on database " + database.name()
                    + " (SQLState " + e.getSQLState() + "): " + e.getMessage() + "\n" + sql), e);
        }
    }

    private static <T> T value(ResultSet rs, Class<T> type) throws SQLException {
        if (type == Object.class) {
            return type.cast(plain(rs, 1));
        }
        if (type == String.class) {
            return type.cast(rs.getString(1)); // any type, as the server writes it
        }
        return rs.getObject(1, type);
    }

    /** A value as JDBC gives it, but PostgreSQL's own types (json, jsonb, interval, ...) as the server's text and arrays as lists. */
    private static Object plain(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value instanceof PGobject ? rs.getString(column) : plain(value);
    }

    private static Object plain(Object value) throws SQLException {
        if (value instanceof PGobject object) {
            return object.getValue();
        }
        if (value instanceof Array array) {
            try {
                if (!(array.getArray() instanceof Object[] elements)) {
                    return array.getArray();
                }
                List<Object> list = new ArrayList<>(elements.length);
                for (Object element : elements) {
                    list.add(plain(element));
                }
                return Collections.unmodifiableList(list);
            } finally {
                array.free();
            }
        }
        return value;
    }
}
