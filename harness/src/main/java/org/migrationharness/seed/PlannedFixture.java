package org.migrationharness.seed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.seed.TableCatalog.Table;

/**
 * A row fixture checked against the catalog by {@link SeedPlanner}: its table, its rows with values typed by their
 * columns, and the tables its rows refer to.
 *
 * @param fixture the fixture as read
 * @param table the table it loads
 * @param rows its rows, in file order
 * @param dependsOn the qualified tables its rows refer to (through references or foreign-key values), its own table
 *        included when a row refers to another row of it
 */
record PlannedFixture(RowFixture fixture, Table table, List<Row> rows, Set<String> dependsOn) {

    PlannedFixture {
        rows = List.copyOf(rows);
        dependsOn = Set.copyOf(dependsOn);
    }

    /** The file. */
    Path file() {
        return fixture.file();
    }

    /** Where a row is, for messages: {@code file row 2 (slug=x, line 7)}. */
    String where(Row row) {
        return DisplayPath.of(fixture.file()) + " row " + row.row().index() + " (" + row.label()
                + (row.row().line() > 0 ? ", line " + row.row().line() : "") + ")";
    }

    /** The order of this fixture among the others: its table, the tables it refers to, its file. */
    LoadOrder.Node node() {
        return new LoadOrder.Node(table.qualified(), dependsOn, fixture.file());
    }

    /** A row with its values typed by the catalog; {@code label} shows its natural key. */
    record Row(RowFixture.Row row, Map<String, Value> values, String label) {
    }

    /** A value of a row as the fixture gives it, typed by its column. */
    sealed interface Value permits Literal, Ref, Expression {
    }

    /** A literal: the column type's text input, a list for an array, a JSON document for json/jsonb. */
    record Literal(JsonNode node) implements Value {
    }

    /** {@code {ref: table, key: value...}}: the target column of the referenced table's row with that natural key. */
    record Ref(Table table, String targetColumn, Map<String, Value> key) implements Value {
    }

    /** {@code {sql: expression}}: evaluated on insert only. */
    record Expression(String sql) implements Value {
    }
}
