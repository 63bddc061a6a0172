-- amounts above 21 million euros no longer fit an integer of cents: a bigint column beside the old one (no rewrite);
-- the code writes both, a job backfills the old rows in batches, the code moves to it, a later release drops the old
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN amount_cents_bigint bigint;
