-- V2: service level per shipment (standard by default) and delivery cannot precede shipping.

ALTER TABLE shipping_service.shipments ADD COLUMN service_level varchar(32) NOT NULL DEFAULT 'standard';
ALTER TABLE shipping_service.shipments
    ADD CONSTRAINT chk_shipments_service_level CHECK (service_level IN ('standard', 'express', 'next_day', 'economy')),
    ADD CONSTRAINT chk_shipments_delivered_after_shipped
        CHECK (delivered_at IS NULL OR (shipped_at IS NOT NULL AND delivered_at >= shipped_at));
CREATE UNIQUE INDEX IF NOT EXISTS uq_tracking_events_shipment_id_status_occurred_at
    ON shipping_service.tracking_events (shipment_id, status, occurred_at);
