-- the sequence is owned by the column and goes with it
SET lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN order_number;
