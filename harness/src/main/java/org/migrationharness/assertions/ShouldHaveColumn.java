package org.migrationharness.assertions;

import java.util.List;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting table products to have column: "sku" but it has only: [id, name]". */
public final class ShouldHaveColumn extends BasicErrorMessageFactory {

    private ShouldHaveColumn(String format, Object... arguments) {
        super(format, arguments);
    }

    public static ErrorMessageFactory shouldHaveColumn(String table, String column, List<String> columns) {
        return new ShouldHaveColumn("%nExpecting table %s to have column:%n  %s%nbut it has only:%n  %s",
                unquotedString(table), column, unquotedString(columns.toString()));
    }

    public static ErrorMessageFactory shouldHaveColumns(String table, List<String> expected, List<String> missing,
                                                        List<String> columns) {
        return new ShouldHaveColumn("%nExpecting table %s to have columns:%n  %s%nbut could not find:%n  %s%nin:%n  %s",
                unquotedString(table), unquotedString(expected.toString()), unquotedString(missing.toString()),
                unquotedString(columns.toString()));
    }
}
