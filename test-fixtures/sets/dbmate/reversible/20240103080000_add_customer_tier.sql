-- migrate:up
CREATE TYPE customer_tier AS ENUM ('basic', 'gold');
ALTER TABLE customers ADD COLUMN tier customer_tier NOT NULL DEFAULT 'basic';

-- migrate:down
ALTER TABLE customers DROP COLUMN tier;
DROP TYPE customer_tier;
