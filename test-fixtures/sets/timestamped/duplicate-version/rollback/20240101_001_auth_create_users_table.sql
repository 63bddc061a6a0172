-- Rollback: create_users_table
-- Service: auth-service
-- Author: platform-team
-- Date: 2024-01-01

BEGIN;

-- Rollback operations
DROP INDEX IF EXISTS idx_users_email;
DROP TABLE IF EXISTS users;

COMMIT;
