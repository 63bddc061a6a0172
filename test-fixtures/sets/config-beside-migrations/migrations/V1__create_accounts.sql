CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_accounts PRIMARY KEY,
    email text NOT NULL
);
-- named before the team's idx_ convention: a warning here, by harness.yaml
CREATE INDEX accounts_email ON accounts (email);
