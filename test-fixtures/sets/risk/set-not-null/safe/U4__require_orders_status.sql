ALTER TABLE orders ADD CONSTRAINT chk_orders_status_not_null CHECK (status IS NOT NULL);
ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;
