CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_promotions_starts_at_ends_at ON pricing_service.promotions (starts_at, ends_at) WHERE is_active;
