-- orders in other currencies are coming: every order so far was in euros
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN currency text;
UPDATE orders SET currency = 'EUR';
