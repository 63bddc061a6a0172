ALTER TABLE accounts DROP COLUMN tier;
-- drops a constraint V1 created
ALTER TABLE accounts DROP CONSTRAINT chk_accounts_status;
