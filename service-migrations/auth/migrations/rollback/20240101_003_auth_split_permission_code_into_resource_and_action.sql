-- Rollback: split_permission_code_into_resource_and_action
-- Service: auth-service
-- Author: auth-team
-- Date: 2024-01-01

BEGIN;

-- code is kept in sync with resource/action by chk_permissions_code_matches, so dropping them loses nothing.
ALTER TABLE auth_service.permissions
    DROP CONSTRAINT IF EXISTS chk_permissions_code_matches,
    DROP CONSTRAINT IF EXISTS uq_permissions_resource_action;
ALTER TABLE auth_service.permissions
    DROP COLUMN IF EXISTS action,
    DROP COLUMN IF EXISTS resource;

COMMIT;
