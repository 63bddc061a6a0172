ALTER TABLE accounts DROP COLUMN tier;
-- forgot: DROP TYPE account_tier; DROP SEQUENCE invoice_number_seq;
