-- Rollback: add_user_roles_role_id_index_concurrently
-- Service: auth-service
-- Author: auth-team
-- Date: 2024-01-01

DROP INDEX CONCURRENTLY IF EXISTS auth_service.idx_user_roles_role_id;
