-- an id to show customers instead of the sequential one: the column without a default rewrites nothing, the default
-- then applies to new rows only, and a job backfills the old rows in batches
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN public_id uuid;
ALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
