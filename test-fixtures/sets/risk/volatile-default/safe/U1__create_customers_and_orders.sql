-- reverses V1: the orders first, they reference the customers
DROP TABLE orders;
DROP TABLE customers;
