DROP TABLE IF EXISTS auth_service.user_roles;
DROP TABLE IF EXISTS auth_service.role_permissions;
DROP TABLE IF EXISTS auth_service.permissions;
DROP TABLE IF EXISTS auth_service.roles;
DROP TABLE IF EXISTS auth_service.users;
