CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legacy_code text,
    email text NOT NULL,
    name text NOT NULL
);
