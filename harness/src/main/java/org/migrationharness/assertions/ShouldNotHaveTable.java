package org.migrationharness.assertions;

import java.util.List;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting schema public not to have table: "legacy" but it has it, with columns: [id, name]". */
public final class ShouldNotHaveTable extends BasicErrorMessageFactory {

    private ShouldNotHaveTable(String schemas, String table, List<String> columns) {
        super("%nExpecting %s not to have table:%n  %s%nbut it has it, with columns:%n  %s",
                unquotedString(schemas), table, unquotedString(columns.toString()));
    }

    public static ErrorMessageFactory shouldNotHaveTable(List<String> schemas, String table, List<String> columns) {
        return new ShouldNotHaveTable(Messages.schemas(schemas), table, columns);
    }
}
