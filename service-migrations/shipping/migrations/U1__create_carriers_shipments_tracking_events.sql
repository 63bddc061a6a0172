DROP TRIGGER IF EXISTS trg_shipments_set_updated_at ON shipping_service.shipments;
DROP TABLE IF EXISTS shipping_service.tracking_events;
DROP TABLE IF EXISTS shipping_service.shipments;
DROP TABLE IF EXISTS shipping_service.carriers;
DROP FUNCTION IF EXISTS shipping_service.set_updated_at();
DROP TYPE IF EXISTS shipping_service.shipment_status;
