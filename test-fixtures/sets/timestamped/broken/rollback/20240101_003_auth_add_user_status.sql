-- Rollback: add_user_status
-- Service: auth-service

ALTER TABLE users DROP COLUMN IF EXISTS status;
