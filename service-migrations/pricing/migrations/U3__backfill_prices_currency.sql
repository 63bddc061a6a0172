-- prices.currency is a copy of price_lists.currency, which V3 did not change.
DROP INDEX IF EXISTS pricing_service.idx_prices_sku_currency;
ALTER TABLE pricing_service.prices DROP CONSTRAINT IF EXISTS chk_prices_currency_format;
ALTER TABLE pricing_service.prices DROP COLUMN IF EXISTS currency;
