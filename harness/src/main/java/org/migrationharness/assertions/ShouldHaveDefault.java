package org.migrationharness.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting column accounts.status to have default: "'active'::text" but it has default: "'new'::text"". */
public final class ShouldHaveDefault extends BasicErrorMessageFactory {

    private ShouldHaveDefault(String format, Object... arguments) {
        super(format, arguments);
    }

    public static ErrorMessageFactory shouldHaveDefault(String column, String expected, String actual) {
        if (actual == null) {
            return new ShouldHaveDefault("%nExpecting column %s to have default:%n  %s%nbut it has no default",
                    unquotedString(column), expected);
        }
        if (expected == null) {
            return shouldHaveNoDefault(column, actual);
        }
        return new ShouldHaveDefault("%nExpecting column %s to have default:%n  %s%nbut it has default:%n  %s",
                unquotedString(column), expected, actual);
    }

    public static ErrorMessageFactory shouldHaveNoDefault(String column, String actual) {
        return new ShouldHaveDefault("%nExpecting column %s to have no default%nbut it has default:%n  %s",
                unquotedString(column), actual);
    }
}
