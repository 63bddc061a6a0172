DROP INDEX IF EXISTS shipping_service.uq_tracking_events_shipment_id_status_occurred_at;
ALTER TABLE shipping_service.shipments
    DROP CONSTRAINT IF EXISTS chk_shipments_delivered_after_shipped,
    DROP CONSTRAINT IF EXISTS chk_shipments_service_level;
ALTER TABLE shipping_service.shipments DROP COLUMN IF EXISTS service_level;
