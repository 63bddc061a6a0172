package org.migrationharness.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.migrationharness.apply.Migrator;
import org.migrationharness.assertions.SchemaAssertions;
import org.migrationharness.junit.MigrationTest;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;

/**
 * Payment V3: amount_cents bigint becomes amount numeric(12,2) in payments, payment_transactions and refunds; U3
 * converts back to exact cents.
 */
@MigrationTest(service = "payment")
class PaymentMigrationTests {

    private static final String SCHEMA = "payment_service";

    @Test
    void should_convert_cents_to_currency_units_in_payments_transactions_and_refunds(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertPayments(database);

        migrator.migrateTo("3");

        assertThat(database.columnType(SCHEMA, "payments", "amount")).isEqualTo("numeric(12,2)");
        assertThat(database.columnType(SCHEMA, "payment_transactions", "amount")).isEqualTo("numeric(12,2)");
        assertThat(database.columnType(SCHEMA, "refunds", "amount")).isEqualTo("numeric(12,2)");
        assertThat(database.query("SELECT order_id, amount FROM payment_service.payments ORDER BY order_id"))
                .extracting(r -> r.get("order_id"), r -> r.get("amount"))
                .containsExactly(
                        tuple("ord-1", new BigDecimal("299.99")),
                        tuple("ord-2", new BigDecimal("0.01")),
                        tuple("ord-3", new BigDecimal("1234567.00")));
        assertThat(database.query("SELECT transaction_type, amount FROM payment_service.payment_transactions"
                + " ORDER BY transaction_type"))
                .extracting(r -> r.get("transaction_type"), r -> r.get("amount"))
                .containsExactly(tuple("authorize", new BigDecimal("299.99")), tuple("capture", new BigDecimal("299.99")),
                        tuple("void", new BigDecimal("0.00")));
        assertThat(database.queryForObject(BigDecimal.class, "SELECT amount FROM payment_service.refunds"))
                .isEqualTo(new BigDecimal("10.50"));
    }

    @Test
    void should_restore_exact_cents_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertPayments(database);
        migrator.migrateTo("3");

        migrator.undoTo("2");

        assertThat(database.columnType(SCHEMA, "payments", "amount_cents")).isEqualTo("bigint");
        assertThat(database.query("SELECT order_id, amount_cents FROM payment_service.payments ORDER BY order_id"))
                .extracting(r -> r.get("order_id"), r -> r.get("amount_cents"))
                .containsExactly(tuple("ord-1", 29999L), tuple("ord-2", 1L), tuple("ord-3", 123456700L));
        assertThat(database.query("SELECT transaction_type, amount_cents FROM payment_service.payment_transactions"
                + " ORDER BY transaction_type"))
                .extracting(r -> r.get("transaction_type"), r -> r.get("amount_cents"))
                .containsExactly(tuple("authorize", 29999L), tuple("capture", 29999L), tuple("void", 0L));
        assertThat(database.queryForObject(Long.class, "SELECT amount_cents FROM payment_service.refunds")).isEqualTo(1050L);
    }

    @Test
    void should_have_numeric_amounts_and_payment_status_enum(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).hasEnum("payment_status",
                "pending", "authorized", "captured", "partially_refunded", "refunded", "failed", "cancelled");
        SchemaAssertions.assertThat(schema).table("payments").column("amount").hasType("numeric(12,2)").isNotNull();
        SchemaAssertions.assertThat(schema).table("refunds").column("amount").hasType("numeric(12,2)");
        SchemaAssertions.assertThat(schema).table("payments").hasIndex("idx_payments_status_created_at");
    }

    private static void insertPayments(Database database) {
        database.execute("""
                INSERT INTO payment_service.payments (id, order_id, customer_id, amount_cents, currency, status, provider,
                                                      provider_reference, captured_at)
                VALUES ('8f7c6a52-0d4e-4b43-9c39-1f2b3a4c5d01', 'ord-1', 'cust-1', 29999, 'USD', 'captured', 'stripe',
                        'pi_3Nx1', now()),
                       ('8f7c6a52-0d4e-4b43-9c39-1f2b3a4c5d02', 'ord-2', 'cust-2', 1, 'EUR', 'authorized', 'adyen',
                        'psp_82', NULL),
                       ('8f7c6a52-0d4e-4b43-9c39-1f2b3a4c5d03', 'ord-3', 'cust-3', 123456700, 'JPY', 'pending', 'stripe',
                        NULL, NULL)
                """);
        database.execute("""
                INSERT INTO payment_service.payment_transactions (payment_id, transaction_type, amount_cents, succeeded,
                                                                  provider_transaction_id, raw_response)
                VALUES ('8f7c6a52-0d4e-4b43-9c39-1f2b3a4c5d01', 'authorize', 29999, true, 'ch_1', '{"outcome": "approved"}'),
                       ('8f7c6a52-0d4e-4b43-9c39-1f2b3a4c5d01', 'capture', 29999, true, 'ch_2', NULL),
                       ('8f7c6a52-0d4e-4b43-9c39-1f2b3a4c5d02', 'void', 0, false, NULL, NULL)
                """);
        database.execute("""
                INSERT INTO payment_service.refunds (payment_id, amount_cents, reason, status)
                VALUES ('8f7c6a52-0d4e-4b43-9c39-1f2b3a4c5d01', 1050, 'damaged in transit', 'succeeded')
                """);
    }
}
