-- V3 (data migration): amounts move from integer cents (amount_cents bigint) to
-- decimal currency units (amount numeric(12,2)), e.g. 29999 -> 299.99.
-- The checks on the amount columns are recreated under the same names.

ALTER TABLE payment_service.payments DROP CONSTRAINT chk_payments_amount_positive;
ALTER TABLE payment_service.payments RENAME COLUMN amount_cents TO amount;
ALTER TABLE payment_service.payments ALTER COLUMN amount TYPE numeric(12,2) USING round(amount / 100.0, 2);
ALTER TABLE payment_service.payments ADD CONSTRAINT chk_payments_amount_positive CHECK (amount > 0);

ALTER TABLE payment_service.payment_transactions DROP CONSTRAINT chk_payment_transactions_amount_non_negative;
ALTER TABLE payment_service.payment_transactions RENAME COLUMN amount_cents TO amount;
ALTER TABLE payment_service.payment_transactions ALTER COLUMN amount TYPE numeric(12,2) USING round(amount / 100.0, 2);
ALTER TABLE payment_service.payment_transactions ADD CONSTRAINT chk_payment_transactions_amount_non_negative CHECK (amount >= 0);

ALTER TABLE payment_service.refunds DROP CONSTRAINT chk_refunds_amount_positive;
ALTER TABLE payment_service.refunds RENAME COLUMN amount_cents TO amount;
ALTER TABLE payment_service.refunds ALTER COLUMN amount TYPE numeric(12,2) USING round(amount / 100.0, 2);
ALTER TABLE payment_service.refunds ADD CONSTRAINT chk_refunds_amount_positive CHECK (amount > 0);

COMMENT ON COLUMN payment_service.payments.amount IS 'Amount in currency units (two decimals).';
COMMENT ON COLUMN payment_service.refunds.amount IS 'Refunded amount in currency units (two decimals).';
