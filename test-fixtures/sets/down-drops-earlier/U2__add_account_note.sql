ALTER TABLE accounts DROP COLUMN IF EXISTS note;
-- drops an index V1 created: V2 never made it
DROP INDEX idx_accounts_email;
