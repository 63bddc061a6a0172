-- Rollback: default_roles
-- Service: auth-service

BEGIN;
DROP TABLE IF EXISTS roles;
COMMIT;
