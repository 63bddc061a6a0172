-- accounts of the example shop
CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY,
    email text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_accounts PRIMARY KEY (id),
    CONSTRAINT uq_accounts_email UNIQUE (email)
);
COMMENT ON TABLE accounts IS 'one row per customer account; a ; in a comment string';
