-- migrate:up
-- V2: promotions can be stackable and require a minimum order amount; price lists default to USD.

ALTER TABLE pricing_service.promotions
    ADD COLUMN stackable        boolean NOT NULL DEFAULT false,
    ADD COLUMN min_order_amount numeric(12,2);

ALTER TABLE pricing_service.promotions
    ADD CONSTRAINT chk_promotions_min_order_amount CHECK (min_order_amount IS NULL OR min_order_amount > 0);

ALTER TABLE pricing_service.price_lists ALTER COLUMN currency SET DEFAULT 'USD';

COMMENT ON COLUMN pricing_service.promotions.stackable IS 'Whether this promotion may be combined with other promotions.';

-- migrate:down
ALTER TABLE pricing_service.price_lists ALTER COLUMN currency DROP DEFAULT;

ALTER TABLE pricing_service.promotions DROP CONSTRAINT IF EXISTS chk_promotions_min_order_amount;

ALTER TABLE pricing_service.promotions
    DROP COLUMN IF EXISTS min_order_amount,
    DROP COLUMN IF EXISTS stackable;
