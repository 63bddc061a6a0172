-- the script runs its own transaction at the isolation level it needs
BEGIN;
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
ALTER TABLE accounts ADD COLUMN balance numeric NOT NULL DEFAULT 0;
COMMIT;
