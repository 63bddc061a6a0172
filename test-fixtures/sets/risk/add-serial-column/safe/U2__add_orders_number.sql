-- the sequence is owned by the column and goes with it
ALTER TABLE orders DROP COLUMN order_number;
