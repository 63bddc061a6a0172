DROP INDEX CONCURRENTLY IF EXISTS auth_service.idx_user_roles_role_id;
