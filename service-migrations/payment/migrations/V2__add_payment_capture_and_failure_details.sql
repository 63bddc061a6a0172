-- V2: capture / failure details on payments, USD as default currency, refund timing check.

ALTER TABLE payment_service.payments
    ADD COLUMN captured_at     timestamptz,
    ADD COLUMN failure_code    varchar(64),
    ADD COLUMN failure_message text;

ALTER TABLE payment_service.payments ALTER COLUMN currency SET DEFAULT 'USD';

ALTER TABLE payment_service.refunds
    ADD CONSTRAINT chk_refunds_processed_after_requested
        CHECK (processed_at IS NULL OR processed_at >= requested_at);

COMMENT ON COLUMN payment_service.payments.failure_code IS 'Provider decline / error code when status = failed.';
