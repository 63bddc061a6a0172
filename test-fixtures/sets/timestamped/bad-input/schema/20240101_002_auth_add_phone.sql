-- Migration: add_phone
-- Service: auth-service
-- Dependencies: 20240101_001, 20240105_001

ALTER TABLE users ADD COLUMN IF NOT EXISTS phone VARCHAR(32);
