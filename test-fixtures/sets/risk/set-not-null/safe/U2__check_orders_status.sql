SET lock_timeout = '5s';
ALTER TABLE orders DROP CONSTRAINT chk_orders_status_not_null;
