-- Back to integer cents: exact for every value with at most two decimals.
COMMENT ON COLUMN payment_service.refunds.amount IS NULL;
COMMENT ON COLUMN payment_service.payments.amount IS NULL;

ALTER TABLE payment_service.refunds DROP CONSTRAINT chk_refunds_amount_positive;
ALTER TABLE payment_service.refunds ALTER COLUMN amount TYPE bigint USING round(amount * 100)::bigint;
ALTER TABLE payment_service.refunds RENAME COLUMN amount TO amount_cents;
ALTER TABLE payment_service.refunds ADD CONSTRAINT chk_refunds_amount_positive CHECK (amount_cents > 0);

ALTER TABLE payment_service.payment_transactions DROP CONSTRAINT chk_payment_transactions_amount_non_negative;
ALTER TABLE payment_service.payment_transactions ALTER COLUMN amount TYPE bigint USING round(amount * 100)::bigint;
ALTER TABLE payment_service.payment_transactions RENAME COLUMN amount TO amount_cents;
ALTER TABLE payment_service.payment_transactions ADD CONSTRAINT chk_payment_transactions_amount_non_negative CHECK (amount_cents >= 0);

ALTER TABLE payment_service.payments DROP CONSTRAINT chk_payments_amount_positive;
ALTER TABLE payment_service.payments ALTER COLUMN amount TYPE bigint USING round(amount * 100)::bigint;
ALTER TABLE payment_service.payments RENAME COLUMN amount TO amount_cents;
ALTER TABLE payment_service.payments ADD CONSTRAINT chk_payments_amount_positive CHECK (amount_cents > 0);
