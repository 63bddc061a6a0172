-- Rollback: add_user_lockout_columns
-- Service: auth-service
-- Author: auth-team
-- Date: 2024-01-01

BEGIN;

ALTER TABLE auth_service.user_roles DROP CONSTRAINT IF EXISTS chk_user_roles_expiry;
ALTER TABLE auth_service.user_roles DROP COLUMN IF EXISTS expires_at;

ALTER TABLE auth_service.users DROP CONSTRAINT IF EXISTS chk_users_failed_login_count;
ALTER TABLE auth_service.users
    DROP COLUMN IF EXISTS locked_until,
    DROP COLUMN IF EXISTS failed_login_count;

COMMIT;
