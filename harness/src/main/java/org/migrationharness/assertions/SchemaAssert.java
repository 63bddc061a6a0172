package org.migrationharness.assertions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.description.EmptyTextDescription;
import org.migrationharness.schema.SchemaDiff;
import org.migrationharness.schema.SchemaFiles;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.schema.SchemaSnapshot.EnumType;
import org.migrationharness.schema.SchemaSnapshot.Namespace;
import org.migrationharness.schema.SchemaSnapshot.Table;

/**
 * Assertions on a whole {@link SchemaSnapshot}. Tables and types are named {@code schema.name}, or by their bare name
 * when only one schema has them.
 */
public final class SchemaAssert extends AbstractAssert<SchemaAssert, SchemaSnapshot> {

    SchemaAssert(SchemaSnapshot actual) {
        super(actual, SchemaAssert.class);
    }

    /** Verifies that the snapshot has the table. */
    public SchemaAssert hasTable(String name) {
        findTable(name);
        return myself;
    }

    /** Verifies that the snapshot has no table of that name. */
    public SchemaAssert hasNoTable(String name) {
        isNotNull();
        Optional<Table> table = actual.table(name);
        if (table.isPresent()) {
            throwAssertionError(ShouldNotHaveTable.shouldNotHaveTable(schemas(), name, table.get().columnNames()));
        }
        return myself;
    }

    /** Assertions on the table; fails when the snapshot has no such table. */
    public TableAssert table(String name) {
        return new TableAssert(findTable(name), qualified() ? name : null);
    }

    /** Verifies that the snapshot has the enum type with exactly these labels, in this order. */
    public SchemaAssert hasEnum(String name, String... labels) {
        isNotNull();
        Optional<EnumType> type = actual.enumType(name);
        if (type.isEmpty()) {
            throwAssertionError(ShouldHaveEnum.shouldHaveEnum(schemas(), name,
                    actual.enums().stream().map(t -> display(t.schema(), t.name())).toList()));
        }
        List<String> expected = Arrays.asList(labels);
        if (!type.get().labels().equals(expected)) {
            throwAssertionError(ShouldHaveEnum.shouldHaveLabels(name, expected, type.get().labels()));
        }
        return myself;
    }

    /**
     * Verifies that the snapshot equals {@code expected}; on failure the message lists every difference as
     * {@link SchemaDiff#describe} words it, and the error carries both snapshots as JSON for an IDE's diff view.
     */
    public SchemaAssert hasNoDifferencesFrom(SchemaSnapshot expected) {
        isNotNull();
        SchemaDiff diff = SchemaDiff.between(expected, actual);
        if (!diff.isEmpty()) {
            // The description ("[...] ") is put first by failWithActualExpectedAndMessage, as by throwAssertionError.
            String message = ShouldHaveNoSchemaDifferences.shouldHaveNoDifferences(diff)
                    .create(EmptyTextDescription.emptyDescription(), info.representation());
            failWithActualExpectedAndMessage(SchemaFiles.toJson(actual), SchemaFiles.toJson(expected), "%s", message);
        }
        return myself;
    }

    private Table findTable(String name) {
        isNotNull();
        Optional<Table> table = actual.table(name);
        if (table.isEmpty()) {
            throwAssertionError(ShouldHaveTable.shouldHaveTable(schemas(), name,
                    actual.tables().stream().map(t -> display(t.schema(), t.name())).toList()));
        }
        return table.get();
    }

    private boolean qualified() {
        return actual.schemas().size() > 1;
    }

    private String display(String schema, String name) {
        return qualified() ? schema + "." + name : name;
    }

    private List<String> schemas() {
        return actual.schemas().stream().map(Namespace::name).toList();
    }
}
