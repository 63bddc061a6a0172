DROP INDEX idx_accounts_email;
