ALTER TABLE orders DROP COLUMN order_number;
