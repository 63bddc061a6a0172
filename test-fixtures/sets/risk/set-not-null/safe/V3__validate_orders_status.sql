-- reads every order under a SHARE UPDATE EXCLUSIVE lock: reads and writes go on
SET lock_timeout = '5s';
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_status_not_null;
