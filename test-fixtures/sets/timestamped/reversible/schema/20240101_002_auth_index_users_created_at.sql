-- Migration: index_users_created_at
-- Service: auth-service
-- Author: platform-team
-- Date: 2024-01-01
-- Dependencies: 20240101_001

-- Use CONCURRENTLY for index creation (outside BEGIN/COMMIT: psql runs it on its own)
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_created_at ON users (created_at);
