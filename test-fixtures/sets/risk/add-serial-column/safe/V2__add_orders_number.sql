-- a short order number for invoices: a nullable column rewrites nothing, its sequence numbers the new rows,
-- a job numbers the old rows in batches, and NOT NULL comes later the safe way
SET lock_timeout = '5s';
CREATE SEQUENCE orders_order_number_seq;
ALTER TABLE orders ADD COLUMN order_number bigint;
ALTER SEQUENCE orders_order_number_seq OWNED BY orders.order_number;
ALTER TABLE orders ALTER COLUMN order_number SET DEFAULT nextval('orders_order_number_seq');
