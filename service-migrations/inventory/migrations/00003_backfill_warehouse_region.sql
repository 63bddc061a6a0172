-- +goose Up
-- V3 (data migration): group warehouses into fulfilment regions, backfilled from country_code.

ALTER TABLE inventory_service.warehouses ADD COLUMN region varchar(8);

UPDATE inventory_service.warehouses
   SET region = CASE
                    WHEN country_code IN ('US', 'CA', 'MX') THEN 'NA'
                    WHEN country_code IN ('AT', 'BE', 'CH', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'IE',
                                          'IT', 'NL', 'NO', 'PL', 'PT', 'SE') THEN 'EU'
                    WHEN country_code IN ('AU', 'CN', 'HK', 'IN', 'JP', 'KR', 'NZ', 'SG') THEN 'APAC'
                    ELSE 'ROW'
                END;

ALTER TABLE inventory_service.warehouses
    ALTER COLUMN region SET DEFAULT 'ROW',
    ALTER COLUMN region SET NOT NULL;
ALTER TABLE inventory_service.warehouses
    ADD CONSTRAINT chk_warehouses_region CHECK (region IN ('NA', 'EU', 'APAC', 'ROW'));

COMMENT ON COLUMN inventory_service.warehouses.region IS 'Fulfilment region: NA, EU, APAC or ROW (rest of world).';

-- +goose Down
-- region was derived from country_code, which V3 did not change.
ALTER TABLE inventory_service.warehouses DROP CONSTRAINT IF EXISTS chk_warehouses_region;
ALTER TABLE inventory_service.warehouses DROP COLUMN IF EXISTS region;
