package org.migrationharness.assertions;

import java.util.Objects;

import org.assertj.core.api.AbstractAssert;
import org.migrationharness.schema.SchemaSnapshot.Column;

/** Assertions on one column of a table. */
public final class ColumnAssert extends AbstractAssert<ColumnAssert, Column> {

    private final String table;

    ColumnAssert(Column actual, String table) {
        super(actual, ColumnAssert.class);
        this.table = table;
    }

    /**
     * Verifies the column's type as {@code format_type} writes it, e.g. {@code character varying(64)}; a type of a
     * user schema may be given without its schema ({@code account_tier} for {@code public.account_tier}).
     */
    public ColumnAssert hasType(String type) {
        if (!actual.type().equals(type) && !actual.type().endsWith("." + type)) {
            throwAssertionError(ShouldHaveColumnType.shouldHaveType(column(), type, actual.type()));
        }
        return myself;
    }

    /**
     * Verifies that the column is {@code NOT NULL}. This replaces AssertJ's {@code isNotNull()} ("actual is not
     * null"), which says nothing here: a {@code ColumnAssert} always holds a column.
     */
    public ColumnAssert isNotNull() {
        if (!actual.notNull()) {
            throwAssertionError(ShouldHaveNullability.shouldNotBeNullable(column()));
        }
        return myself;
    }

    /** Verifies that the column accepts null. */
    public ColumnAssert isNullable() {
        if (actual.notNull()) {
            throwAssertionError(ShouldHaveNullability.shouldBeNullable(column()));
        }
        return myself;
    }

    /** Verifies the column's default expression as PostgreSQL writes it, e.g. {@code 'active'::text}. */
    public ColumnAssert hasDefault(String expression) {
        if (!Objects.equals(actual.defaultValue(), expression)) {
            throwAssertionError(ShouldHaveDefault.shouldHaveDefault(column(), expression, actual.defaultValue()));
        }
        return myself;
    }

    /** Verifies that the column has no default. */
    public ColumnAssert hasNoDefault() {
        if (actual.defaultValue() != null) {
            throwAssertionError(ShouldHaveDefault.shouldHaveNoDefault(column(), actual.defaultValue()));
        }
        return myself;
    }

    private String column() {
        return table + "." + actual.name();
    }
}
