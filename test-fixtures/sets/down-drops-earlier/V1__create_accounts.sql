CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    status text NOT NULL DEFAULT 'active',
    CONSTRAINT chk_accounts_status CHECK (status IN ('active', 'closed'))
);
CREATE INDEX idx_accounts_email ON accounts (email);
