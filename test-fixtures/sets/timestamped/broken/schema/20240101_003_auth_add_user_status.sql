-- Migration: add_user_status
-- Service: auth-service
-- Dependencies: 20240101_001

CREATE TYPE user_status AS ENUM ('active', 'locked');
ALTER TABLE users ADD COLUMN status user_status NOT NULL DEFAULT 'active';
