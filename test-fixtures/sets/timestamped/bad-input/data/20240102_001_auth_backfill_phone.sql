-- Migration: backfill_phone
-- Service: auth-service
-- Dependencies: 20240101_002

UPDATE users SET phone = '' WHERE phone IS NULL;
