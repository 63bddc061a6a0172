-- every order belongs to a customer: NOT VALID checks only new rows, with no scan; V3 validates the old ones
SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT fk_orders_customers FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
