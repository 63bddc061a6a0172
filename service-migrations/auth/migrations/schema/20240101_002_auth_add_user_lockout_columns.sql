-- Migration: add_user_lockout_columns
-- Service: auth-service
-- Author: auth-team
-- Date: 2024-01-01
-- Dependencies: 20240101_001

BEGIN;

-- V2: brute-force protection (failed login counter and temporary lock), and role assignments can expire.

ALTER TABLE auth_service.users
    ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0,
    ADD COLUMN locked_until       timestamptz;

ALTER TABLE auth_service.users
    ADD CONSTRAINT chk_users_failed_login_count CHECK (failed_login_count >= 0);

ALTER TABLE auth_service.user_roles ADD COLUMN expires_at timestamptz;
ALTER TABLE auth_service.user_roles
    ADD CONSTRAINT chk_user_roles_expiry CHECK (expires_at IS NULL OR expires_at > granted_at);

COMMENT ON COLUMN auth_service.users.locked_until IS 'Logins are refused until this instant after too many failures.';

COMMIT;
