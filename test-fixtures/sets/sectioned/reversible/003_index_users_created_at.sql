-- Migration: index_users_created_at
-- Description: CONCURRENTLY cannot run in a transaction: the package runs the section statement by statement

-- +++++ UP
CREATE INDEX CONCURRENTLY idx_users_created_at ON users (created_at);

-- +++++ DOWN
DROP INDEX CONCURRENTLY idx_users_created_at;
