CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_payments_status_created_at ON payment_service.payments (status, created_at) WHERE status IN ('pending', 'authorized');
