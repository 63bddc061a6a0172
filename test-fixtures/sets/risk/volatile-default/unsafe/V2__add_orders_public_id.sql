-- an id to show customers instead of the sequential one
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
