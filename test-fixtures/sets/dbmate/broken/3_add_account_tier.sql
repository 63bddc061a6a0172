-- migrate:up
CREATE TYPE account_tier AS ENUM ('free', 'paid');
ALTER TABLE accounts ADD COLUMN tier account_tier;

-- migrate:down
ALTER TABLE accounts DROP COLUMN tier;
