CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_notification_deliveries_scheduled_at ON notification_service.notification_deliveries (scheduled_at) WHERE status = 'queued';
