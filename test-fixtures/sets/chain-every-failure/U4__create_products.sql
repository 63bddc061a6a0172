-- reverses V4: right on its own, but U5 leaves order_lines behind in a real rollback


DROP TABLE products;
