-- a constraint cannot be made not valid again: put back the one V2 added
SET lock_timeout = '5s';
ALTER TABLE orders DROP CONSTRAINT chk_orders_status_not_null;
ALTER TABLE orders ADD CONSTRAINT chk_orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
