DROP VIEW IF EXISTS account_summary; -- created by R__account_summary.sql over the tier column
DROP FUNCTION account_label(accounts);
ALTER TABLE accounts DROP COLUMN tier;
DROP TYPE account_tier;
