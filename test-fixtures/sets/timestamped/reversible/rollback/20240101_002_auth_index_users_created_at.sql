-- Rollback: index_users_created_at
-- Service: auth-service

DROP INDEX CONCURRENTLY IF EXISTS idx_users_created_at;
