-- amounts above 21 million euros no longer fit an integer of cents
SET lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN amount_cents TYPE bigint;
