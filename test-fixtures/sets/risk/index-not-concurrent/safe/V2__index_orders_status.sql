-- the back office lists orders by status: built without blocking writes, outside a transaction
-- (V2__index_orders_status.sql.conf); a failed build leaves an invalid index to drop before retrying
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);
