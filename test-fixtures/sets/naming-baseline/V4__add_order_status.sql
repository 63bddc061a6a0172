-- the first migration after the baseline: held to every rule
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
CREATE INDEX idx_orders_status ON orders (status);
