-- +goose Up
CREATE TYPE account_tier AS ENUM ('free', 'paid');
ALTER TABLE accounts ADD COLUMN tier account_tier;

-- +goose Down
ALTER TABLE accounts DROP COLUMN tier;
