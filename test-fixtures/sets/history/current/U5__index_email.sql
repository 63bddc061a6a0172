DROP INDEX IF EXISTS idx_accounts_email;
