CREATE TYPE account_tier AS ENUM ('free', 'pro');
ALTER TABLE accounts ADD COLUMN tier account_tier NOT NULL DEFAULT 'free';
