-- when the order left the warehouse: give up after 5 s behind a long transaction rather than queue every query
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
