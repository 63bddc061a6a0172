ALTER TABLE pricing_service.price_lists ALTER COLUMN currency DROP DEFAULT;

ALTER TABLE pricing_service.promotions DROP CONSTRAINT IF EXISTS chk_promotions_min_order_amount;

ALTER TABLE pricing_service.promotions
    DROP COLUMN IF EXISTS min_order_amount,
    DROP COLUMN IF EXISTS stackable;
