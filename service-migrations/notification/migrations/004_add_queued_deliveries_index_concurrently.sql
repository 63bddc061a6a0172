-- Migration: add_queued_deliveries_index_concurrently
-- Description: CONCURRENTLY cannot run in a transaction: the package runs the section on its own

-- +++++ UP
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_notification_deliveries_scheduled_at ON notification_service.notification_deliveries (scheduled_at) WHERE status = 'queued';

-- +++++ DOWN
DROP INDEX CONCURRENTLY IF EXISTS notification_service.idx_notification_deliveries_scheduled_at;
