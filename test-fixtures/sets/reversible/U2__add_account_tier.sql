DROP FUNCTION account_label(accounts);
ALTER TABLE accounts DROP COLUMN tier;
DROP TYPE account_tier;
