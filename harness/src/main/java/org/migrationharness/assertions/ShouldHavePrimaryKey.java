package org.migrationharness.assertions;

import java.util.List;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting table products to have primary key: [id] but it has primary key: [id, sku]" (or "none"). */
public final class ShouldHavePrimaryKey extends BasicErrorMessageFactory {

    private ShouldHavePrimaryKey(String format, Object... arguments) {
        super(format, arguments);
    }

    /** @param actual the actual key's columns, or null when the table has no primary key */
    public static ErrorMessageFactory shouldHavePrimaryKey(String table, List<String> expected, List<String> actual) {
        if (actual == null) {
            return new ShouldHavePrimaryKey("%nExpecting table %s to have primary key:%n  %s%nbut it has none",
                    unquotedString(table), unquotedString(expected.toString()));
        }
        return new ShouldHavePrimaryKey("%nExpecting table %s to have primary key:%n  %s%nbut it has primary key:%n  %s",
                unquotedString(table), unquotedString(expected.toString()), unquotedString(actual.toString()));
    }
}
