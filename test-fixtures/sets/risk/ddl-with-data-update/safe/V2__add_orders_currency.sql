-- orders in other currencies are coming: the column first (new rows get euros by default), V3 fills the old rows
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN currency text;
ALTER TABLE orders ALTER COLUMN currency SET DEFAULT 'EUR';
