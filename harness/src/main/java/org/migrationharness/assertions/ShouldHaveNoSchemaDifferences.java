package org.migrationharness.assertions;

import java.util.stream.Collectors;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.migrationharness.schema.SchemaDiff;

/** "Expecting the schema to have no differences from the expected one, but found 2: ..." (one line each). */
public final class ShouldHaveNoSchemaDifferences extends BasicErrorMessageFactory {

    private ShouldHaveNoSchemaDifferences(int count, String lines) {
        super("%nExpecting the schema to have no differences from the expected one, but found %s:%n%s",
                unquotedString(String.valueOf(count)), unquotedString(lines));
    }

    public static ErrorMessageFactory shouldHaveNoDifferences(SchemaDiff diff) {
        String lines = diff.describe("expected", "actual").lines().map(line -> "  " + line)
                .collect(Collectors.joining(String.format("%n")));
        return new ShouldHaveNoSchemaDifferences(diff.differences().size(), lines);
    }
}
