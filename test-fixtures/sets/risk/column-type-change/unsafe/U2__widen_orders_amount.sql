ALTER TABLE orders ALTER COLUMN amount_cents TYPE integer;
