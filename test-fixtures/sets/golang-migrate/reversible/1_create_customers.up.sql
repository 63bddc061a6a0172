CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    full_name text NOT NULL
);
