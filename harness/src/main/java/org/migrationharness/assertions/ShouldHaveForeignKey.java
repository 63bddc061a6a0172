package org.migrationharness.assertions;

import java.util.List;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * "Expecting table orders to have foreign key: (customer_id) -> customers but it has only:
 * [fk_orders_account (account_id) -> public.accounts (id)]".
 */
public final class ShouldHaveForeignKey extends BasicErrorMessageFactory {

    private ShouldHaveForeignKey(String table, String key, List<String> keys) {
        super("%nExpecting table %s to have foreign key:%n  %s%nbut it has only:%n  %s", unquotedString(table),
                unquotedString(key), unquotedString(keys.toString()));
    }

    /**
     * @param key the wanted key as the message shows it: a quoted name, or {@code (columns) -> table}
     * @param keys the table's foreign keys as {@code name (columns) -> table (columns)}
     */
    public static ErrorMessageFactory shouldHaveForeignKey(String table, String key, List<String> keys) {
        return new ShouldHaveForeignKey(table, key, keys);
    }
}
