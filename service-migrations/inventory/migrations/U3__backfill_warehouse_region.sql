-- region was derived from country_code, which V3 did not change.
ALTER TABLE inventory_service.warehouses DROP CONSTRAINT IF EXISTS chk_warehouses_region;
ALTER TABLE inventory_service.warehouses DROP COLUMN IF EXISTS region;
