-- the back office lists orders by status
SET lock_timeout = '5s';
CREATE INDEX idx_orders_status ON orders (status);
