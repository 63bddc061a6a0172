CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_products_status_published_at ON catalog_service.products (status, published_at DESC) WHERE is_visible;
