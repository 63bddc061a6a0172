package org.migrationharness.seed;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.seed.PlannedFixture.Expression;
import org.migrationharness.seed.PlannedFixture.Literal;
import org.migrationharness.seed.PlannedFixture.Ref;
import org.migrationharness.seed.PlannedFixture.Value;
import org.migrationharness.seed.TableCatalog.Column;
import org.migrationharness.seed.TableCatalog.ForeignKey;
import org.migrationharness.seed.TableCatalog.Table;

/**
 * Checks row fixtures against the catalog before anything is written: the table, key and columns exist, every row
 * gives its natural key and the NOT NULL columns an insert needs, no two rows share a key, references name a table, a
 * target column and key columns that exist. Types each value ({@link Literal}, {@link Ref}, {@link Expression}) and
 * records the tables each fixture refers to, for {@link LoadOrder}.
 */
final class SeedPlanner {

    private final TableCatalog catalog;

    SeedPlanner(TableCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The fixture checked against the catalog.
     *
     * @throws HarnessException ({@link ErrorCode#INPUT}) naming the file, row and fix for the first problem
     */
    PlannedFixture plan(RowFixture fixture) throws SQLException {
        Path file = fixture.file();
        Table table = catalog.table(fixture.table()).orElseThrow(() -> unknownTable(file, fixture.table(), 0, null));
        for (String column : fixture.key()) {
            if (!table.columns().containsKey(column)) {
                throw input(file, 0, "the key column '" + column + "' is not a column of " + table.qualified()
                        + ".\nIts columns: " + String.join(", ", table.columns().keySet()) + ". Fix 'key:'.");
            }
        }
        Set<String> dependsOn = new LinkedHashSet<>();
        List<PlannedFixture.Row> rows = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        for (RowFixture.Row row : fixture.rows()) {
            Map<String, JsonNode> raw = fixture.valuesOf(row);
            String label = label(fixture, row, raw);
            String where = DisplayPath.of(file) + " row " + row.index() + " (" + label
                    + (row.line() > 0 ? ", line " + row.line() : "") + ")";
            Map<String, Value> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : raw.entrySet()) {
                Column column = table.columns().get(entry.getKey());
                if (column == null) {
                    throw new HarnessException(ErrorCode.INPUT, where + ": unknown column '" + entry.getKey()
                            + "' in " + table.qualified() + ".\nIts columns: " + String.join(", ", table.columns().keySet())
                            + ".\nFix the column's name in the fixture, or migrate the database if the column is new.",
                            file, row.line(), null);
                }
                if (column.generatedAlways()) {
                    throw new HarnessException(ErrorCode.INPUT, where + ": column " + column.name() + " of "
                            + table.qualified() + " is " + ("s".equals(column.generated()) ? "GENERATED ALWAYS AS (...) STORED"
                            : "GENERATED ALWAYS AS IDENTITY") + " and takes no value.\nLeave it out: other rows refer to this "
                            + "row by its natural key, e.g. {ref: " + table.name() + ", " + fixture.key().get(0) + ": ...}.",
                            file, row.line(), null);
                }
                values.put(column.name(), parse(entry.getValue(), table, column, where, file, row.line(), dependsOn));
            }
            for (String keyColumn : fixture.key()) {
                if (!values.containsKey(keyColumn)) {
                    throw new HarnessException(ErrorCode.INPUT, where + ": no value for the key column '" + keyColumn
                            + "'.\nEvery row needs its natural key (" + String.join(", ", fixture.key())
                            + ") to be matched on the next load; give it (or set it under defaults:).", file, row.line(), null);
                }
                if (values.get(keyColumn) instanceof Expression) {
                    throw new HarnessException(ErrorCode.INPUT, where + ": the key column '" + keyColumn
                            + "' is an {sql: ...} expression, which cannot match the row again on the next load.\n"
                            + "Give the natural key as plain values.", file, row.line(), null);
                }
            }
            List<String> missing = missing(table, values);
            if (!missing.isEmpty() && !fixture.update()) {
                throw new HarnessException(ErrorCode.INPUT, where + ": no value for " + String.join(", ", missing)
                        + " of " + table.qualified() + " (NOT NULL without a default).\nGive "
                        + (missing.size() == 1 ? "it" : "them") + " in the row or under defaults:, e.g. "
                        + missing.get(0) + ": {sql: now()} for a timestamp.", file, row.line(), null);
            }
            String keyText = fixture.key().stream().map(k -> String.valueOf(raw.get(k))).collect(Collectors.joining("\u0000"));
            Integer earlier = keys.putIfAbsent(keyText, row.index());
            if (earlier != null) {
                throw new HarnessException(ErrorCode.INPUT, where + ": rows " + earlier + " and " + row.index()
                        + " have the same natural key (" + label + ").\nA natural key names one row: remove one of them, "
                        + "or widen 'key:'.", file, row.line(), null);
            }
            dependsOn.addAll(foreignKeyTargets(table, values));
            rows.add(new PlannedFixture.Row(row, values, label));
        }
        return new PlannedFixture(fixture, table, rows, dependsOn);
    }

    /**
     * The tables a row's values point at through the table's foreign keys: those where the row gives a column of the
     * key a value other than null. A nullable foreign key the row leaves out or sets to null orders nothing, which is
     * how fixtures whose tables refer to each other load: one side leaves its reference null.
     */
    static Set<String> foreignKeyTargets(Table table, Map<String, Value> values) {
        Set<String> targets = new LinkedHashSet<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (fk.columns().stream().anyMatch(c -> values.get(c) != null
                    && !(values.get(c) instanceof Literal l && l.node().isNull()))) {
                targets.add(fk.target());
            }
        }
        return targets;
    }

    /** The NOT NULL columns without a default that the values leave out. */
    static List<String> missing(Table table, Map<String, Value> values) {
        return table.columns().values().stream().filter(c -> !c.optional() && !values.containsKey(c.name()))
                .map(Column::name).toList();
    }

    private Value parse(JsonNode node, Table table, Column column, String where, Path file, int line,
                        Set<String> dependsOn) throws SQLException {
        if (column.json() || !node.isObject()) {
            if (node.isArray() && !column.array() && !column.json()) {
                throw new HarnessException(ErrorCode.INPUT, where + ": column " + column.name() + " is "
                        + column.type() + ", but the value is a list.\nA list fits array, json and jsonb columns only.",
                        file, line, null);
            }
            return new Literal(node);
        }
        if (node.size() == 1 && node.has("sql")) {
            if (!node.get("sql").isTextual() || node.get("sql").asText().isBlank()) {
                throw new HarnessException(ErrorCode.INPUT, where + ": column " + column.name()
                        + ": {sql: ...} takes an SQL expression as a string, e.g. {sql: now()}.", file, line, null);
            }
            return new Expression(node.get("sql").asText());
        }
        if (!node.has("ref")) {
            throw new HarnessException(ErrorCode.INPUT, where + ": column " + column.name() + " is " + column.type()
                    + ", but the value is a mapping.\nA mapping is a reference {ref: TABLE, KEY_COLUMN: VALUE}, an SQL "
                    + "expression {sql: ...}, or a document for a json or jsonb column.", file, line, null);
        }
        return reference(node, table, column.name(), where, file, line, dependsOn);
    }

    private Ref reference(JsonNode node, Table from, String column, String where, Path file, int line,
                          Set<String> dependsOn) throws SQLException {
        String shown = "{ref: " + node.get("ref").asText() + "}";
        if (!node.get("ref").isTextual() || node.size() < 2) {
            throw new HarnessException(ErrorCode.INPUT, where + ": column " + column + ": a reference names the table "
                    + "and the natural key of the row it refers to, e.g. {ref: categories, slug: headphones}.", file, line, null);
        }
        Table target = catalog.table(node.get("ref").asText())
                .orElseThrow(() -> unknownTable(file, node.get("ref").asText(), line, where + ": column " + column
                        + " refers to"));
        String targetColumn = from.foreignKey(column, target.qualified()).map(fk -> fk.targetColumns().get(0))
                .orElseGet(() -> target.primaryKey().size() == 1 ? target.primaryKey().get(0) : null);
        if (targetColumn == null) {
            throw new HarnessException(ErrorCode.INPUT, where + ": column " + column + " refers to " + target.qualified()
                    + ", but no foreign key of " + column + " points there and " + target.qualified()
                    + " has no single-column primary key, so it is unclear which of its columns to take.\n"
                    + "Give the value itself.", file, line, null);
        }
        Map<String, Value> key = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("ref")) {
                continue;
            }
            Column keyColumn = target.columns().get(field.getKey());
            if (keyColumn == null) {
                throw new HarnessException(ErrorCode.INPUT, where + ": column " + column + ": the reference " + shown
                        + " matches on '" + field.getKey() + "', which is not a column of " + target.qualified()
                        + ".\nIts columns: " + String.join(", ", target.columns().keySet()) + ".", file, line, null);
            }
            Value value = field.getValue().isObject() && !keyColumn.json()
                    ? reference(field.getValue(), target, keyColumn.name(), where, file, line, dependsOn)
                    : new Literal(field.getValue());
            key.put(keyColumn.name(), value);
        }
        dependsOn.add(target.qualified());
        return new Ref(target, targetColumn, key);
    }

    private HarnessException unknownTable(Path file, String written, int line, String context) {
        String schema = written.contains(".") ? written.substring(0, written.indexOf('.')) : catalog.defaultSchema();
        String tables;
        try {
            tables = String.join(", ", catalog.tablesIn(schema));
        } catch (SQLException e) {
            tables = "(could not list them: " + e.getMessage() + ")";
        }
        String qualified = written.contains(".") ? written : schema + "." + written;
        String prefix = context != null ? context : DisplayPath.of(file) + ": 'table: " + written + "' names";
        return new HarnessException(ErrorCode.INPUT, prefix + " the unknown table " + qualified + ".\nTables in "
                + schema + ": " + (tables.isEmpty() ? "none (is the database migrated?)" : tables)
                + ".\nFix the table's name, or migrate the database if the table is new.", file, line, null);
    }

    private static String label(RowFixture fixture, RowFixture.Row row, Map<String, JsonNode> values) {
        return fixture.key().stream().map(k -> k + "=" + show(values.get(k))).collect(Collectors.joining(", "));
    }

    private static String show(JsonNode node) {
        if (node == null) {
            return "(missing)";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isObject() && node.has("ref")) {
            StringBuilder out = new StringBuilder(node.get("ref").asText()).append('(');
            List<String> parts = new ArrayList<>();
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("ref")) {
                    parts.add(e.getKey() + "=" + show(e.getValue()));
                }
            });
            return out.append(String.join(", ", parts)).append(')').toString();
        }
        return node.toString();
    }

    private static HarnessException input(Path file, int line, String message) {
        return new HarnessException(ErrorCode.INPUT, DisplayPath.of(file) + (line > 0 ? " line " + line : "") + ": "
                + message, file, line, null);
    }
}
