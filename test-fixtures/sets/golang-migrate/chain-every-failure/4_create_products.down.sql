-- reverses the up of 4: right on its own, but the down of 5 leaves order_lines behind in a real rollback


DROP TABLE products;
