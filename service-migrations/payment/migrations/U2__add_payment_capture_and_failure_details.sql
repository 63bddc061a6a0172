ALTER TABLE payment_service.refunds DROP CONSTRAINT IF EXISTS chk_refunds_processed_after_requested;

ALTER TABLE payment_service.payments ALTER COLUMN currency DROP DEFAULT;

ALTER TABLE payment_service.payments
    DROP COLUMN IF EXISTS failure_message,
    DROP COLUMN IF EXISTS failure_code,
    DROP COLUMN IF EXISTS captured_at;
