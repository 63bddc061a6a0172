-- an index built without locking writes: both sections run outside a transaction
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY idx_customers_email ON customers (email);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY idx_customers_email;
