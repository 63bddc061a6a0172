-- migrate:up
-- V3 (data migration): copy the price list currency onto every price row so that price
-- lookups by SKU do not need the join; then make it mandatory.

ALTER TABLE pricing_service.prices ADD COLUMN currency char(3);

UPDATE pricing_service.prices p
   SET currency = pl.currency
  FROM pricing_service.price_lists pl
 WHERE pl.id = p.price_list_id;

ALTER TABLE pricing_service.prices ALTER COLUMN currency SET NOT NULL;
ALTER TABLE pricing_service.prices
    ADD CONSTRAINT chk_prices_currency_format CHECK (currency ~ '^[A-Z]{3}$');

CREATE INDEX IF NOT EXISTS idx_prices_sku_currency ON pricing_service.prices (sku, currency);
COMMENT ON COLUMN pricing_service.prices.currency IS 'Copy of price_lists.currency (denormalised for SKU lookups).';

-- migrate:down
-- prices.currency is a copy of price_lists.currency, which V3 did not change.
DROP INDEX IF EXISTS pricing_service.idx_prices_sku_currency;
ALTER TABLE pricing_service.prices DROP CONSTRAINT IF EXISTS chk_prices_currency_format;
ALTER TABLE pricing_service.prices DROP COLUMN IF EXISTS currency;
