-- +goose Up
ALTER TABLE customers ADD COLUMN email text;

-- +goose StatementBegin
CREATE FUNCTION lower_customer_email() RETURNS trigger AS $$
BEGIN
    NEW.email := lower(NEW.email);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER customers_lower_email BEFORE INSERT OR UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION lower_customer_email();

-- +goose Down
DROP TRIGGER customers_lower_email ON customers;
DROP FUNCTION lower_customer_email();
ALTER TABLE customers DROP COLUMN email;
