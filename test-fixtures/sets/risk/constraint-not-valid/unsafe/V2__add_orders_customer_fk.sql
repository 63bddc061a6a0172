-- every order belongs to a customer
SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT fk_orders_customers FOREIGN KEY (customer_id) REFERENCES customers (id);
