-- when the order left the warehouse
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
