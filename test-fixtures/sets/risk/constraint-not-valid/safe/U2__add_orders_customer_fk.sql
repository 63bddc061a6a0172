SET lock_timeout = '5s';
ALTER TABLE orders DROP CONSTRAINT fk_orders_customers;
