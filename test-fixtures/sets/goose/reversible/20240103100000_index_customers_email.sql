-- +goose NO TRANSACTION
-- an index built without locking writes: goose runs this file outside a transaction
-- +goose Up
CREATE INDEX CONCURRENTLY idx_customers_email ON customers (email);

-- +goose Down
DROP INDEX CONCURRENTLY idx_customers_email;
