package org.migrationharness.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting column products.sku to have type: "text" but it has type: "character varying(64)"". */
public final class ShouldHaveColumnType extends BasicErrorMessageFactory {

    private ShouldHaveColumnType(String column, String expected, String actual) {
        super("%nExpecting column %s to have type:%n  %s%nbut it has type:%n  %s", unquotedString(column), expected, actual);
    }

    public static ErrorMessageFactory shouldHaveType(String column, String expected, String actual) {
        return new ShouldHaveColumnType(column, expected, actual);
    }
}
