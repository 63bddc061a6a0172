CREATE INDEX CONCURRENTLY idx_accounts_created_at ON accounts (created_at);
