package org.migrationharness.assertions;

import java.util.List;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting schema public to have enum type: "tier" but it has only: [status]", or its labels differ. */
public final class ShouldHaveEnum extends BasicErrorMessageFactory {

    private ShouldHaveEnum(String format, Object... arguments) {
        super(format, arguments);
    }

    public static ErrorMessageFactory shouldHaveEnum(List<String> schemas, String type, List<String> types) {
        return new ShouldHaveEnum("%nExpecting %s to have enum type:%n  %s%nbut it has only:%n  %s",
                unquotedString(Messages.schemas(schemas)), type, unquotedString(types.toString()));
    }

    public static ErrorMessageFactory shouldHaveLabels(String type, List<String> expected, List<String> actual) {
        return new ShouldHaveEnum("%nExpecting enum type %s to have labels:%n  %s%nbut it has labels:%n  %s",
                unquotedString(type), unquotedString(expected.toString()), unquotedString(actual.toString()));
    }
}
