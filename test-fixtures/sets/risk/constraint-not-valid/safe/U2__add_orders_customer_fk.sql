ALTER TABLE orders DROP CONSTRAINT fk_orders_customers;
