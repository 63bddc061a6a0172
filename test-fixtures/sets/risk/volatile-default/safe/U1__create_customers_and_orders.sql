-- reverses V1: the orders first, they reference the customers
SET lock_timeout = '5s';
DROP TABLE orders;
DROP TABLE customers;
