-- no U2: down.missing
ALTER TABLE orders ADD COLUMN note text;
