package org.migrationharness.assertions;

import java.util.List;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting schema public to have table: "products" but it has only: [brands, categories]". */
public final class ShouldHaveTable extends BasicErrorMessageFactory {

    private ShouldHaveTable(String schemas, String table, List<String> tables) {
        super("%nExpecting %s to have table:%n  %s%nbut it has only:%n  %s",
                unquotedString(schemas), table, unquotedString(tables.toString()));
    }

    public static ErrorMessageFactory shouldHaveTable(List<String> schemas, String table, List<String> tables) {
        return new ShouldHaveTable(Messages.schemas(schemas), table, tables);
    }
}
