-- +goose Up
-- built without locking writes, which needs to run outside a transaction
CREATE INDEX CONCURRENTLY idx_accounts_created ON accounts (id DESC);

-- +goose Down
DROP INDEX CONCURRENTLY idx_accounts_created;
