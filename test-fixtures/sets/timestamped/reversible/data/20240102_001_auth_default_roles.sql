-- Migration: default_roles
-- Service: auth-service
-- Author: platform-team
-- Date: 2024-01-02
-- Dependencies: 20240101_001

BEGIN;
CREATE TABLE IF NOT EXISTS roles (name VARCHAR(50) PRIMARY KEY);
INSERT INTO roles (name) VALUES ('admin'), ('member') ON CONFLICT DO NOTHING;
COMMIT;
