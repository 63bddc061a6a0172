-- the first migration after the baseline: held to every rule
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
-- harness:allow lint.index-not-concurrent orders is written only by the nightly import, never while this runs
CREATE INDEX idx_orders_status ON orders (status);
