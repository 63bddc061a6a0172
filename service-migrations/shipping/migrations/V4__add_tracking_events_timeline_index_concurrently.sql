CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_tracking_events_shipment_id_occurred_at ON shipping_service.tracking_events (shipment_id, occurred_at DESC);
