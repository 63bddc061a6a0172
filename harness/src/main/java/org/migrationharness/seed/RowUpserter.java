package org.migrationharness.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.seed.PlannedFixture.Expression;
import org.migrationharness.seed.PlannedFixture.Literal;
import org.migrationharness.seed.PlannedFixture.Ref;
import org.migrationharness.seed.PlannedFixture.Value;
import org.migrationharness.seed.TableCatalog.Column;
import org.migrationharness.seed.TableCatalog.Table;

/**
 * Writes the rows of planned fixtures by natural key on the load's connection: a row that no row matches is inserted,
 * a matched row is left or (with {@code update: true}) updated where its values differ. Resolves each reference to the
 * referenced row's column once per load. Adds its counts per table to the load's tally.
 */
final class RowUpserter {

    private final Connection connection;
    private final SeedListener listener;
    private final Map<String, TableCount> counts;
    private final Map<String, String> resolved = new HashMap<>();

    /** @param counts the load's counts per table, in order of first mention; this upserter adds to them */
    RowUpserter(Connection connection, SeedListener listener, Map<String, TableCount> counts) {
        this.connection = connection;
        this.listener = listener;
        this.counts = counts;
    }

    /** Upserts the fixture's rows; rows that refer to rows of their own table load after those. */
    void load(PlannedFixture planned) {
        RowFixture fixture = planned.fixture();
        Table table = planned.table();
        listener.fileStarted(fixture.file(), table.qualified());
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        List<PlannedFixture.Row> pending = planned.rows();
        while (!pending.isEmpty()) {
            List<PlannedFixture.Row> waiting = new ArrayList<>();
            for (PlannedFixture.Row row : pending) {
                Optional<Map<String, Object>> bound = bind(planned, row, SelfReferences.WAIT);
                if (bound.isEmpty()) {
                    waiting.add(row);
                    continue;
                }
                switch (upsert(planned, row, bound.get())) {
                    case INSERTED -> inserted++;
                    case UPDATED -> updated++;
                    default -> unchanged++;
                }
            }
            if (waiting.size() == pending.size()) {
                // no row of this pass loaded a row that the waiting ones refer to: binding the first one again, without
                // waiting, fails naming its reference that matches no row
                bind(planned, waiting.get(0), SelfReferences.FAIL);
                throw new IllegalStateException("a reference that was pending resolved on the last pass");
            }
            pending = waiting;
        }
        TableCount count = new TableCount(table.qualified(), inserted, updated, unchanged);
        counts.merge(table.qualified(), count, TableCount::plus);
        listener.fileFinished(fixture.file(), List.of(count));
    }

    private enum Outcome { INSERTED, UPDATED, UNCHANGED }

    /** What to do with a reference to a row of the fixture's own table that is not loaded yet. */
    private enum SelfReferences {
        /** Leave the row for a later pass, after the rows it may refer to. */
        WAIT,
        /** Fail: it matches no row. */
        FAIL
    }

    /**
     * A reference resolved: the referenced column's text (null for NULL), or waiting for a row of the fixture's own
     * table that is not loaded yet.
     */
    private sealed interface Resolution permits Known, WaitsForOwnTable {
    }

    private record Known(String text) implements Resolution {
    }

    private record WaitsForOwnTable() implements Resolution {
    }

    /**
     * The row's values as text (or {@link Expression}s), references resolved; empty when the row waits for a row of its
     * own table (only with {@link SelfReferences#WAIT}).
     */
    private Optional<Map<String, Object>> bind(PlannedFixture planned, PlannedFixture.Row row, SelfReferences self) {
        Map<String, Object> bound = new LinkedHashMap<>();
        for (Map.Entry<String, Value> entry : row.values().entrySet()) {
            Column column = planned.table().columns().get(entry.getKey());
            Value value = entry.getValue();
            if (value instanceof Expression expression) {
                bound.put(column.name(), expression);
            } else {
                Resolution text = text(planned, row, column, value, self);
                if (text instanceof Known known) {
                    bound.put(column.name(), known.text());
                } else {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(bound);
    }

    private Resolution text(PlannedFixture planned, PlannedFixture.Row row, Column column, Value value,
                            SelfReferences self) {
        if (value instanceof Literal literal) {
            return new Known(literal(planned, row, column, literal.node()));
        }
        return resolve(planned, row, column.name(), (Ref) value, self);
    }

    private Resolution resolve(PlannedFixture planned, PlannedFixture.Row row, String column, Ref ref,
                               SelfReferences self) {
        Map<String, String> key = new LinkedHashMap<>();
        for (Map.Entry<String, Value> entry : ref.key().entrySet()) {
            Column keyColumn = ref.table().columns().get(entry.getKey());
            Resolution text = text(planned, row, keyColumn, entry.getValue(), self);
            if (!(text instanceof Known known)) {
                return text;
            }
            key.put(keyColumn.name(), known.text());
        }
        String cacheKey = ref.table().qualified() + "\u0000" + ref.targetColumn() + "\u0000" + key;
        String cached = resolved.get(cacheKey);
        if (cached != null) {
            return new Known(cached);
        }
        StringBuilder sql = new StringBuilder("SELECT CAST(").append(TableCatalog.quote(ref.targetColumn()))
                .append(" AS text) FROM ").append(ref.table().sql()).append(" WHERE ");
        List<String> parameters = new ArrayList<>();
        sql.append(where(ref.table(), key, parameters)).append(" LIMIT 2");
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            bindAll(statement, parameters, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failed(planned, row, "could not look up the reference of column " + column + " in "
                    + ref.table().qualified(), e);
        }
        String shown = "{ref: " + ref.table().name() + ", " + key.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")) + "}";
        if (found.isEmpty()) {
            if (self == SelfReferences.WAIT && ref.table().qualified().equals(planned.table().qualified())) {
                return new WaitsForOwnTable();
            }
            throw new HarnessException(ErrorCode.INPUT, planned.where(row) + ": column " + column + " refers to "
                    + shown + ", but " + ref.table().qualified() + " has no row with "
                    + key.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(" and "))
                    + ".\nAdd that row to a fixture of this environment or of common/ (it loads first whatever the "
                    + "file names), or fix the reference.", planned.file(), row.row().line(), null);
        }
        if (found.size() > 1) {
            throw new HarnessException(ErrorCode.INPUT, planned.where(row) + ": column " + column + " refers to "
                    + shown + ", which matches more than one row of " + ref.table().qualified()
                    + ".\nRefer to the row by columns that are unique (a natural key).", planned.file(),
                    row.row().line(), null);
        }
        resolved.put(cacheKey, found.get(0));
        return new Known(found.get(0));
    }

    private Outcome upsert(PlannedFixture planned, PlannedFixture.Row row, Map<String, Object> bound) {
        Table table = planned.table();
        Map<String, String> key = new LinkedHashMap<>();
        for (String column : planned.fixture().key()) {
            key.put(column, (String) bound.get(column));
        }
        List<String> keyParameters = new ArrayList<>();
        String keyWhere = where(table, key, keyParameters);
        long matches;
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM " + table.sql()
                + " WHERE " + keyWhere)) {
            bindAll(statement, keyParameters, 1);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                matches = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed(planned, row, "could not look the row up in " + table.qualified() + " by its natural key", e);
        }
        if (matches > 1) {
            throw new HarnessException(ErrorCode.INPUT, planned.where(row) + ": the natural key ("
                    + String.join(", ", planned.fixture().key()) + ") matches " + matches + " rows of "
                    + table.qualified() + ", so the row cannot be matched.\nA natural key must name one row: choose "
                    + "columns that are unique, ideally with a unique constraint.", planned.file(),
                    row.row().line(), null);
        }
        if (matches == 0) {
            List<String> missing = SeedPlanner.missing(table, row.values());
            if (!missing.isEmpty()) {
                throw new HarnessException(ErrorCode.INPUT, planned.where(row) + ": no row of " + table.qualified()
                        + " has this natural key, and the fixture cannot insert one without " + String.join(", ", missing)
                        + " (NOT NULL without a default).\nAn update: true fixture that gives only some columns "
                        + "updates rows loaded before it (e.g. from common/): load the row first, or give "
                        + (missing.size() == 1 ? "that column" : "those columns") + ".", planned.file(),
                        row.row().line(), null);
            }
            insert(planned, row, bound);
            return Outcome.INSERTED;
        }
        if (!planned.fixture().update()) {
            return Outcome.UNCHANGED;
        }
        List<String> compared = bound.entrySet().stream()
                .filter(e -> !key.containsKey(e.getKey()) && !(e.getValue() instanceof Expression))
                .map(Map.Entry::getKey).toList();
        if (compared.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        List<String> assignments = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        List<String> differs = new ArrayList<>();
        List<String> differParameters = new ArrayList<>();
        for (String name : compared) {
            Column column = table.columns().get(name);
            assignments.add(TableCatalog.quote(name) + " = CAST(? AS " + column.type() + ")");
            parameters.add((String) bound.get(name));
            differs.add("CAST(" + TableCatalog.quote(name) + " AS text) IS DISTINCT FROM CAST(CAST(? AS "
                    + column.type() + ") AS text)");
            differParameters.add((String) bound.get(name));
        }
        String sql = "UPDATE " + table.sql() + " SET " + String.join(", ", assignments) + " WHERE " + keyWhere
                + " AND (" + String.join(" OR ", differs) + ")";
        parameters.addAll(keyParameters);
        parameters.addAll(differParameters);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindAll(statement, parameters, 1);
            return statement.executeUpdate() > 0 ? Outcome.UPDATED : Outcome.UNCHANGED;
        } catch (SQLException e) {
            throw failed(planned, row, "could not update " + table.qualified(), e);
        }
    }

    private void insert(PlannedFixture planned, PlannedFixture.Row row, Map<String, Object> bound) {
        Table table = planned.table();
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        for (Map.Entry<String, Object> entry : bound.entrySet()) {
            Column column = table.columns().get(entry.getKey());
            columns.add(TableCatalog.quote(column.name()));
            if (entry.getValue() instanceof Expression expression) {
                values.add("CAST((" + expression.sql() + ") AS " + column.type() + ")");
            } else {
                values.add("CAST(? AS " + column.type() + ")");
                parameters.add((String) entry.getValue());
            }
        }
        String sql = "INSERT INTO " + table.sql() + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", values) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindAll(statement, parameters, 1);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(planned, row, "could not insert into " + table.qualified(), e);
        }
    }

    private static String where(Table table, Map<String, String> key, List<String> parameters) {
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<String, String> entry : key.entrySet()) {
            Column column = table.columns().get(entry.getKey());
            if (entry.getValue() == null) {
                conditions.add(TableCatalog.quote(column.name()) + " IS NULL");
            } else {
                conditions.add(TableCatalog.quote(column.name()) + " = CAST(? AS " + column.type() + ")");
                parameters.add(entry.getValue());
            }
        }
        return String.join(" AND ", conditions);
    }

    private static void bindAll(PreparedStatement statement, List<String> parameters, int first) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == null) {
                statement.setNull(first + i, Types.VARCHAR);
            } else {
                statement.setString(first + i, parameters.get(i));
            }
        }
    }

    private String literal(PlannedFixture planned, PlannedFixture.Row row, Column column, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (column.json()) {
            try {
                return FixtureReader.json().writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (node.isArray()) {
            return array(planned, row, column, node);
        }
        return scalar(node);
    }

    private static String scalar(JsonNode node) {
        return node.isFloatingPointNumber() ? node.decimalValue().toPlainString() : node.asText();
    }

    /** A PostgreSQL array literal: {@code {"a","b",NULL}}, nested lists for more dimensions. */
    private String array(PlannedFixture planned, PlannedFixture.Row row, Column column, JsonNode node) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (i > 0) {
                out.append(',');
            }
            if (element.isNull()) {
                out.append("NULL");
            } else if (element.isArray()) {
                out.append(array(planned, row, column, element));
            } else if (element.isObject()) {
                throw new HarnessException(ErrorCode.INPUT, planned.where(row) + ": column " + column.name()
                        + " is " + column.type() + ", but element " + (i + 1) + " of its list is a mapping.\n"
                        + "Array elements are plain values.", planned.file(), row.row().line(), null);
            } else {
                out.append('"').append(scalar(element).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.append('}').toString();
    }

    private static HarnessException failed(PlannedFixture planned, PlannedFixture.Row row, String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")";
        return new HarnessException(ErrorCode.MIGRATION_FAILED, planned.where(row) + ": " + what + ": "
                + e.getMessage().strip() + state + "\nFix the row's values; nothing of this load was kept.",
                planned.file(), row.row().line(), e);
    }
}
