ALTER TABLE orders DROP COLUMN amount_cents_bigint;
