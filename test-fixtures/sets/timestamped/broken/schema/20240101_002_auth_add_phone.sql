-- Migration: add_phone
-- Service: auth-service
-- Dependencies: 20240101_001

BEGIN;
ALTER TABLE users ADD COLUMN phone VARCHAR(32);
ALTER TABLE users ADD COLUMN phone_verified BOOLEAN NOT NULL DEFAULT false;
COMMIT;
