-- a short order number for invoices
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN order_number bigserial;
