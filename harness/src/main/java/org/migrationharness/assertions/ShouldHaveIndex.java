package org.migrationharness.assertions;

import java.util.List;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting table products to have index: "idx_products_sku" but it has only: [products_pkey]". */
public final class ShouldHaveIndex extends BasicErrorMessageFactory {

    private ShouldHaveIndex(String table, String index, List<String> indexes) {
        super("%nExpecting table %s to have index:%n  %s%nbut it has only:%n  %s", unquotedString(table), index,
                unquotedString(indexes.toString()));
    }

    public static ErrorMessageFactory shouldHaveIndex(String table, String index, List<String> indexes) {
        return new ShouldHaveIndex(table, index, indexes);
    }
}
