-- V3 (data migration): shipment weight moves from integer grams (weight_grams) to
-- kilograms with gram precision (weight_kg numeric(8,3)), e.g. 1250 -> 1.250.

ALTER TABLE shipping_service.shipments DROP CONSTRAINT chk_shipments_weight_positive;
ALTER TABLE shipping_service.shipments RENAME COLUMN weight_grams TO weight_kg;
ALTER TABLE shipping_service.shipments ALTER COLUMN weight_kg TYPE numeric(8,3) USING round(weight_kg / 1000.0, 3);
ALTER TABLE shipping_service.shipments ADD CONSTRAINT chk_shipments_weight_positive CHECK (weight_kg > 0);
COMMENT ON COLUMN shipping_service.shipments.weight_kg IS 'Gross parcel weight in kilograms.';
