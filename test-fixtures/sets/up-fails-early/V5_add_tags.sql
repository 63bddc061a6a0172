ALTER TABLE orders ADD COLUMN tags text[];
