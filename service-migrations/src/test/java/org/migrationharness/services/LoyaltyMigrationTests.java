package org.migrationharness.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.migrationharness.apply.Migrator;
import org.migrationharness.assertions.SchemaAssertions;
import org.migrationharness.junit.MigrationTest;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;

/**
 * Loyalty V3: points_ledger.balance_after is backfilled with the running sum of points per account, in
 * (created_at, id) order.
 */
@MigrationTest(service = "loyalty")
class LoyaltyMigrationTests {

    private static final String SCHEMA = "loyalty_service";
    private static final String ALICE = "2c4e6a80-1b3d-4f50-8a7c-9e0b2d4f6a01";
    private static final String BOB = "2c4e6a80-1b3d-4f50-8a7c-9e0b2d4f6a02";

    @Test
    void should_backfill_balance_after_with_a_running_sum_per_account_in_time_order(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertLedger(database);

        migrator.migrateTo("3");

        assertThat(database.query("""
                SELECT a.tier, l.idempotency_key, l.points, l.balance_after
                  FROM loyalty_service.points_ledger l JOIN loyalty_service.loyalty_accounts a ON a.id = l.account_id
                 ORDER BY a.tier, l.created_at, l.id"""))
                .extracting(r -> r.get("tier"), r -> r.get("idempotency_key"), r -> r.get("points"),
                        r -> r.get("balance_after"))
                .containsExactly(
                        tuple("bronze", "order-completed:ord-20", 40, 40),
                        tuple("bronze", "expire:2025-03", -40, 0),
                        tuple("gold", "order-completed:ord-1", 100, 100),
                        tuple("gold", "redeem:ord-3", -30, 70),
                        tuple("gold", "order-completed:ord-2", 50, 120),
                        tuple("gold", "adjust:ticket-77", 5, 125));
    }

    @Test
    void should_drop_balance_after_and_keep_the_ledger_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertLedger(database);
        migrator.migrateTo("3");

        migrator.undoTo("2");

        assertThat(database.columnNames(SCHEMA, "points_ledger")).doesNotContain("balance_after");
        assertThat(database.query("SELECT tier, ledger_balance, is_consistent"
                + " FROM loyalty_service.v_loyalty_account_balances ORDER BY tier"))
                .extracting(r -> r.get("tier"), r -> r.get("ledger_balance"), r -> r.get("is_consistent"))
                .containsExactly(tuple("bronze", 0, true), tuple("gold", 125, true));
    }

    @Test
    void should_have_mandatory_balance_after_and_a_history_index(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).table("points_ledger")
                .hasIndex("idx_points_ledger_account_id_created_at")
                .column("balance_after").hasType("integer").isNotNull().hasNoDefault();
    }

    /**
     * Entries are inserted out of time order (ids do not follow created_at), and two of the gold account's entries
     * share a timestamp, so the id breaks the tie: the redemption (inserted first) comes before the earning.
     */
    private static void insertLedger(Database database) {
        database.execute("""
                INSERT INTO loyalty_service.loyalty_accounts (id, customer_id, tier, points_balance, lifetime_points)
                VALUES ('%s', '7b2f3c4d-5e6f-4a70-8b9c-0d1e2f3a4b01', 'gold', 125, 155),
                       ('%s', '7b2f3c4d-5e6f-4a70-8b9c-0d1e2f3a4b02', 'bronze', 0, 40)
                """.formatted(ALICE, BOB));
        database.execute("""
                INSERT INTO loyalty_service.points_ledger (account_id, entry_type, points, order_id, idempotency_key, created_at)
                VALUES ('%1$s', 'redeem', -30, 'ord-3', 'redeem:ord-3', '2025-02-10 12:00:00+00'),
                       ('%1$s', 'earn', 100, 'ord-1', 'order-completed:ord-1', '2025-01-05 09:00:00+00'),
                       ('%2$s', 'earn', 40, 'ord-20', 'order-completed:ord-20', '2025-01-06 10:00:00+00'),
                       ('%1$s', 'earn', 50, 'ord-2', 'order-completed:ord-2', '2025-02-10 12:00:00+00')
                """.formatted(ALICE, BOB));
        database.execute("""
                INSERT INTO loyalty_service.points_ledger (account_id, entry_type, points, description, idempotency_key, created_at)
                VALUES ('%1$s', 'adjust', 5, 'goodwill for a late delivery', 'adjust:ticket-77', '2025-02-11 08:00:00+00'),
                       ('%2$s', 'expire', -40, 'points expired', 'expire:2025-03', '2025-03-01 00:00:00+00')
                """.formatted(ALICE, BOB));
    }
}
