-- Rollback: create_users_roles_permissions
-- Service: auth-service
-- Author: auth-team
-- Date: 2024-01-01

BEGIN;

DROP TABLE IF EXISTS auth_service.user_roles;
DROP TABLE IF EXISTS auth_service.role_permissions;
DROP TABLE IF EXISTS auth_service.permissions;
DROP TABLE IF EXISTS auth_service.roles;
DROP TABLE IF EXISTS auth_service.users;

COMMIT;
