package org.migrationharness.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting column products.sku to be NOT NULL but it is nullable", and the other way round. */
public final class ShouldHaveNullability extends BasicErrorMessageFactory {

    private ShouldHaveNullability(String column, String expected, String actual) {
        super("%nExpecting column %s to be %s%nbut it is %s", unquotedString(column), unquotedString(expected),
                unquotedString(actual));
    }

    public static ErrorMessageFactory shouldNotBeNullable(String column) {
        return new ShouldHaveNullability(column, "NOT NULL", "nullable");
    }

    public static ErrorMessageFactory shouldBeNullable(String column) {
        return new ShouldHaveNullability(column, "nullable", "NOT NULL");
    }
}
