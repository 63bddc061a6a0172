CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_points_ledger_account_id_created_at ON loyalty_service.points_ledger (account_id, created_at DESC);
