-- migrate:up
CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    full_name text NOT NULL,
    email text
);

CREATE FUNCTION lower_customer_email() RETURNS trigger AS $$
BEGIN
    NEW.email := lower(NEW.email);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- migrate:down
DROP FUNCTION lower_customer_email();
DROP TABLE customers;
