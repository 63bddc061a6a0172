-- Rollback: add_phone
-- Service: auth-service

BEGIN;
ALTER TABLE users DROP COLUMN phone_verified;
ALTER TABLE users DROP COLUMN phon;
COMMIT;
