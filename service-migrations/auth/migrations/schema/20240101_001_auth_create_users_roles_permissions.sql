-- Migration: create_users_roles_permissions
-- Service: auth-service
-- Author: auth-team
-- Date: 2024-01-01
-- Dependencies: none

BEGIN;

-- Auth service V1: users, roles, permissions and the two join tables (RBAC).

CREATE TABLE auth_service.users (
    id                uuid         NOT NULL DEFAULT gen_random_uuid(),
    email             varchar(320) NOT NULL,
    password_hash     varchar(255),
    is_active         boolean      NOT NULL DEFAULT true,
    email_verified_at timestamptz,
    last_login_at     timestamptz,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_users PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uq_users_email ON auth_service.users (lower(email));
COMMENT ON TABLE auth_service.users IS 'Login identities (customers and back-office staff).';
COMMENT ON COLUMN auth_service.users.password_hash IS 'Argon2id hash; NULL for SSO-only accounts.';

CREATE TABLE auth_service.roles (
    id          integer GENERATED ALWAYS AS IDENTITY,
    name        varchar(64)  NOT NULL,
    description varchar(255),
    is_system   boolean      NOT NULL DEFAULT false,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_roles PRIMARY KEY (id),
    CONSTRAINT uq_roles_name UNIQUE (name),
    CONSTRAINT chk_roles_name_format CHECK (name ~ '^[a-z][a-z0-9_]*$')
);
COMMENT ON TABLE auth_service.roles IS 'Named sets of permissions, e.g. customer, support_agent, catalog_admin.';

CREATE TABLE auth_service.permissions (
    id          integer GENERATED ALWAYS AS IDENTITY,
    code        varchar(128) NOT NULL,
    description varchar(255),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_permissions PRIMARY KEY (id),
    CONSTRAINT uq_permissions_code UNIQUE (code),
    CONSTRAINT chk_permissions_code_format CHECK (code ~ '^[a-z_]+:[a-z_]+$')
);
COMMENT ON TABLE auth_service.permissions IS 'Fine-grained permissions written resource:action, e.g. catalog:write.';

CREATE TABLE auth_service.role_permissions (
    role_id       integer NOT NULL,
    permission_id integer NOT NULL,
    CONSTRAINT pk_role_permissions PRIMARY KEY (role_id, permission_id),
    CONSTRAINT fk_role_permissions_roles FOREIGN KEY (role_id)
        REFERENCES auth_service.roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_role_permissions_permissions FOREIGN KEY (permission_id)
        REFERENCES auth_service.permissions (id) ON DELETE CASCADE
);
CREATE INDEX idx_role_permissions_permission_id ON auth_service.role_permissions (permission_id);
COMMENT ON TABLE auth_service.role_permissions IS 'Permissions granted by a role.';

CREATE TABLE auth_service.user_roles (
    user_id    uuid        NOT NULL,
    role_id    integer     NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    granted_by uuid,
    CONSTRAINT pk_user_roles PRIMARY KEY (user_id, role_id),
    CONSTRAINT fk_user_roles_users FOREIGN KEY (user_id)
        REFERENCES auth_service.users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_roles_roles FOREIGN KEY (role_id)
        REFERENCES auth_service.roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_roles_granted_by FOREIGN KEY (granted_by)
        REFERENCES auth_service.users (id) ON DELETE SET NULL
);
COMMENT ON TABLE auth_service.user_roles IS 'Roles assigned to a user.';

COMMIT;
