CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY,
    email text NOT NULL,
    CONSTRAINT pk_accounts PRIMARY KEY (id)
);
