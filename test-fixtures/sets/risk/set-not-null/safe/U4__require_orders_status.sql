-- reverses V4 as safely as V2 to V4 went up, each statement committed on its own (U4__require_orders_status.sql.conf):
-- the check holds for new rows before NOT NULL goes, and validating it reads the orders under SHARE UPDATE EXCLUSIVE
SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT chk_orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_status_not_null;
