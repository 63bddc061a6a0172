CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_user_roles_role_id ON auth_service.user_roles (role_id);
