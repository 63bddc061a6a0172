-- Back to integer grams (exact: weight_kg has gram precision).
COMMENT ON COLUMN shipping_service.shipments.weight_kg IS NULL;
ALTER TABLE shipping_service.shipments DROP CONSTRAINT chk_shipments_weight_positive;
ALTER TABLE shipping_service.shipments ALTER COLUMN weight_kg TYPE integer USING round(weight_kg * 1000)::integer;
ALTER TABLE shipping_service.shipments RENAME COLUMN weight_kg TO weight_grams;
ALTER TABLE shipping_service.shipments ADD CONSTRAINT chk_shipments_weight_positive CHECK (weight_grams > 0);
