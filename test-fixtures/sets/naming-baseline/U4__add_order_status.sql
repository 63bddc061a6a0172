DROP INDEX idx_orders_status;
ALTER TABLE orders DROP COLUMN status;
