package org.migrationharness.assertions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.AbstractAssert;
import org.migrationharness.schema.SchemaSnapshot.Column;
import org.migrationharness.schema.SchemaSnapshot.Constraint;
import org.migrationharness.schema.SchemaSnapshot.Index;
import org.migrationharness.schema.SchemaSnapshot.Table;

/** Assertions on one table of a snapshot. */
public final class TableAssert extends AbstractAssert<TableAssert, Table> {

    private final String label;

    TableAssert(Table actual, String name) {
        super(actual, TableAssert.class);
        this.label = name != null ? name : actual.name();
    }

    /** Assertions on the column; fails when the table has no such column. */
    public ColumnAssert column(String name) {
        Optional<Column> column = actual.column(name);
        if (column.isEmpty()) {
            throwAssertionError(ShouldHaveColumn.shouldHaveColumn(label, name, actual.columnNames()));
        }
        return new ColumnAssert(column.get(), label);
    }

    /** Verifies that the table has these columns (and maybe others). */
    public TableAssert hasColumns(String... names) {
        List<String> missing = Arrays.stream(names).filter(n -> actual.column(n).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throwAssertionError(ShouldHaveColumn.shouldHaveColumns(label, Arrays.asList(names), missing,
                    actual.columnNames()));
        }
        return myself;
    }

    /** Verifies that the table has an index of that name (constraint-backing indexes count). */
    public TableAssert hasIndex(String name) {
        if (actual.indexes().stream().noneMatch(i -> i.name().equals(name))) {
            throwAssertionError(ShouldHaveIndex.shouldHaveIndex(label, name,
                    actual.indexes().stream().map(Index::name).toList()));
        }
        return myself;
    }

    /** Verifies that the table's primary key is on exactly these columns, in this order. */
    public TableAssert hasPrimaryKey(String... columns) {
        List<String> expected = Arrays.asList(columns);
        Optional<Constraint> key = actual.primaryKey();
        if (key.isEmpty() || !key.get().columns().equals(expected)) {
            throwAssertionError(ShouldHavePrimaryKey.shouldHavePrimaryKey(label, expected,
                    key.map(Constraint::columns).orElse(null)));
        }
        return myself;
    }

    /** Verifies that the table has a foreign key of that name. */
    public TableAssert hasForeignKey(String name) {
        if (foreignKeys().stream().noneMatch(c -> c.name().equals(name))) {
            throwAssertionError(ShouldHaveForeignKey.shouldHaveForeignKey(label, "\"" + name + "\"", described()));
        }
        return myself;
    }

    /**
     * Verifies that the table has a foreign key on exactly these columns to {@code referencedTable}
     * ({@code schema.table} or a bare table name).
     */
    public TableAssert hasForeignKey(List<String> columns, String referencedTable) {
        boolean found = foreignKeys().stream().anyMatch(c -> c.columns().equals(columns)
                && (c.referencedTable().equals(referencedTable)
                || c.referencedTable().endsWith("." + referencedTable)));
        if (!found) {
            throwAssertionError(ShouldHaveForeignKey.shouldHaveForeignKey(label,
                    "(" + String.join(", ", columns) + ") -> " + referencedTable, described()));
        }
        return myself;
    }

    private List<Constraint> foreignKeys() {
        return actual.constraints().stream().filter(c -> c.type().equals(Constraint.FOREIGN_KEY)).toList();
    }

    private List<String> described() {
        return foreignKeys().stream().map(c -> c.name() + " (" + String.join(", ", c.columns()) + ") -> "
                + c.referencedTable() + " (" + String.join(", ", c.referencedColumns()) + ")").toList();
    }
}
