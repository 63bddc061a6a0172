CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_accounts PRIMARY KEY,
    balance numeric(12, 2) NOT NULL DEFAULT 0
);
