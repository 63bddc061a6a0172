-- Migration: add_delivery_customer_and_retry_limit
-- Description: Deliveries reference the customer, are queued by default and retry at most 10 times

-- +++++ UP
-- V2: deliveries reference the customer, are queued by default, and retry at most 10 times.

ALTER TABLE notification_service.notification_deliveries ADD COLUMN customer_id uuid;
ALTER TABLE notification_service.notification_deliveries ALTER COLUMN status SET DEFAULT 'queued';
ALTER TABLE notification_service.notification_deliveries
    ADD CONSTRAINT chk_notification_deliveries_attempts CHECK (attempts BETWEEN 0 AND 10);
CREATE INDEX IF NOT EXISTS idx_notification_deliveries_customer_id
    ON notification_service.notification_deliveries (customer_id) WHERE customer_id IS NOT NULL;

-- +++++ DOWN
DROP INDEX IF EXISTS notification_service.idx_notification_deliveries_customer_id;
ALTER TABLE notification_service.notification_deliveries DROP CONSTRAINT IF EXISTS chk_notification_deliveries_attempts;
ALTER TABLE notification_service.notification_deliveries ALTER COLUMN status DROP DEFAULT;
ALTER TABLE notification_service.notification_deliveries DROP COLUMN IF EXISTS customer_id;
