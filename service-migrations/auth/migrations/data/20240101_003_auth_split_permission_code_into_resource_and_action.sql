-- Migration: split_permission_code_into_resource_and_action
-- Service: auth-service
-- Author: auth-team
-- Date: 2024-01-01
-- Dependencies: 20240101_001

BEGIN;

-- V3 (data migration): split permissions.code ('catalog:write') into resource ('catalog')
-- and action ('write'), backfilled from the existing codes.

ALTER TABLE auth_service.permissions
    ADD COLUMN resource varchar(64),
    ADD COLUMN action   varchar(64);

UPDATE auth_service.permissions
   SET resource = split_part(code, ':', 1),
       action   = split_part(code, ':', 2);

ALTER TABLE auth_service.permissions
    ALTER COLUMN resource SET NOT NULL,
    ALTER COLUMN action SET NOT NULL;
ALTER TABLE auth_service.permissions
    ADD CONSTRAINT uq_permissions_resource_action UNIQUE (resource, action),
    ADD CONSTRAINT chk_permissions_code_matches CHECK (code = resource || ':' || action);

COMMIT;
