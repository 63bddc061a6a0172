package org.migrationharness.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.sql.Names;

/**
 * The rows of a database's tables as they were before a migration, kept in temporary tables of a connection of its
 * own (never in the database's schemas, which the checks compare), to tell after the migration's up and down which
 * rows and values did not come back ({@code data.rollback-loss}). Rows are matched by primary key; a table without one
 * is compared as a bag of rows. Values are compared as text, so a type changed and back that keeps them is no loss.
 */
final class KeptRows implements AutoCloseable {

    private record Kept(SchemaSnapshot.Table table, String copy, long rows) {
    }

    private final Connection connection;
    private final List<Kept> kept = new ArrayList<>();

    private KeptRows(Connection connection) {
        this.connection = connection;
    }

    /** Copies the rows of every ordinary table of {@code snapshot} that has some. */
    static KeptRows keep(Database database, SchemaSnapshot snapshot) {
        Connection connection = database.connect();
        KeptRows rows = new KeptRows(connection);
        try (Statement statement = connection.createStatement()) {
            int n = 0;
            for (SchemaSnapshot.Table table : snapshot.tables()) {
                if (!table.kind().equals("table")) {
                    continue;
                }
                String copy = "harness_kept_" + (n++);
                // as text: a copy typed with the table's enums or domains would keep a down from dropping them
                statement.execute("CREATE TEMPORARY TABLE " + copy + " AS SELECT " + String.join(", ",
                        table.columnNames().stream().map(c -> Names.quote(c) + "::text AS " + Names.quote(c)).toList())
                        + " FROM " + name(table));
                long count;
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + copy)) {
                    rs.next();
                    count = rs.getLong(1);
                }
                if (count == 0) {
                    statement.execute("DROP TABLE " + copy);
                } else {
                    rows.kept.add(new Kept(table, copy, count));
                }
            }
            return rows;
        } catch (SQLException e) {
            rows.close();
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot keep the rows of " + database.name()
                    + " to compare after the rollback: " + e.getMessage(), e);
        }
    }

    /** What the database lost since {@link #keep}: rows gone, values changed, columns or tables gone. */
    List<Measured.Loss> losses() {
        List<Measured.Loss> losses = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (Kept k : kept) {
                SchemaSnapshot.Table table = k.table();
                List<String> now = columnsNow(table);
                if (now == null) {
                    losses.add(new Measured.Loss(table.schema(), table.name(), null, k.rows(), k.rows(), "the table is gone"));
                    continue;
                }
                List<String> key = table.primaryKey().map(SchemaSnapshot.Constraint::columns).orElse(List.of());
                if (!key.isEmpty() && now.containsAll(key)) {
                    byKey(statement, k, key, now, losses);
                } else {
                    asBag(statement, k, now, losses);
                }
            }
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot compare the rows kept before the migration: "
                    + e.getMessage(), e);
        }
        return losses;
    }

    private static void byKey(Statement statement, Kept k, List<String> key, List<String> now, List<Measured.Loss> losses)
            throws SQLException {
        SchemaSnapshot.Table table = k.table();
        StringBuilder join = new StringBuilder();
        for (String column : key) {
            join.append(join.length() == 0 ? "" : " AND ").append("t.").append(Names.quote(column)).append("::text = k.")
                    .append(Names.quote(column));
        }
        String present = "t." + Names.quote(key.get(0)) + " IS NOT NULL";
        List<String> compared = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT count(*) FILTER (WHERE NOT (" + present + "))");
        for (String column : table.columnNames()) {
            if (key.contains(column)) {
                continue;
            }
            compared.add(column);
            String kc = "k." + Names.quote(column);
            sql.append(now.contains(column)
                    ? ", count(*) FILTER (WHERE " + present + " AND " + kc + " IS DISTINCT FROM t."
                            + Names.quote(column) + "::text)"
                    : ", count(" + kc + ") FILTER (WHERE " + present + ")");
        }
        sql.append(" FROM ").append(k.copy()).append(" k LEFT JOIN ").append(name(table)).append(" t ON ").append(join);
        try (ResultSet rs = statement.executeQuery(sql.toString())) {
            rs.next();
            long missing = rs.getLong(1);
            if (missing > 0) {
                losses.add(new Measured.Loss(table.schema(), table.name(), null, missing, k.rows(), "rows are gone"));
            }
            for (int i = 0; i < compared.size(); i++) {
                long changed = rs.getLong(i + 2);
                if (changed > 0) {
                    String column = compared.get(i);
                    losses.add(new Measured.Loss(table.schema(), table.name(), column, changed, k.rows() - missing,
                            now.contains(column) ? "values differ" : "the column is gone"));
                }
            }
        }
    }

    private static void asBag(Statement statement, Kept k, List<String> now, List<Measured.Loss> losses) throws SQLException {
        SchemaSnapshot.Table table = k.table();
        List<String> common = table.columnNames().stream().filter(now::contains).toList();
        for (String column : table.columnNames()) {
            if (!now.contains(column)) {
                try (ResultSet rs = statement.executeQuery("SELECT count(" + Names.quote(column) + ") FROM " + k.copy())) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        losses.add(new Measured.Loss(table.schema(), table.name(), column, rs.getLong(1), k.rows(),
                                "the column is gone"));
                    }
                }
            }
        }
        if (common.isEmpty()) {
            return;
        }
        String row = "ROW(" + String.join(", ", common.stream().map(c -> Names.quote(c) + "::text").toList()) + ")::text";
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM (SELECT " + row + " FROM " + k.copy()
                + " EXCEPT ALL SELECT " + row + " FROM " + name(table) + ") gone")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                losses.add(new Measured.Loss(table.schema(), table.name(), null, rs.getLong(1), k.rows(),
                        "rows are gone or changed (the table has no primary key to tell which)"));
            }
        }
    }

    /** The table's columns now, in order, or null when it is gone. */
    private List<String> columnsNow(SchemaSnapshot.Table table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL, ARRAY(SELECT"
                + " attname::text FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped"
                + " ORDER BY attnum)")) {
            query.setString(1, name(table));
            query.setString(2, name(table));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) ? List.of((String[]) rs.getArray(2).getArray()) : null;
            }
        }
    }

    private static String name(SchemaSnapshot.Table table) {
        return Names.quote(table.schema()) + "." + Names.quote(table.name());
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the temporary tables go with the session
        }
    }
}
