-- Migration: add_user_roles_role_id_index_concurrently
-- Service: auth-service
-- Author: auth-team
-- Date: 2024-01-01
-- Dependencies: 20240101_001

-- CONCURRENTLY cannot run in a transaction: outside BEGIN/COMMIT, psql runs it on its own
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_user_roles_role_id ON auth_service.user_roles (role_id);
