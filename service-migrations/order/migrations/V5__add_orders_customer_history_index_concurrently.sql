CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_customer_id_created_at ON order_service.orders (customer_id, created_at DESC);
