-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_promotions_starts_at_ends_at ON pricing_service.promotions (starts_at, ends_at) WHERE is_active;

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS pricing_service.idx_promotions_starts_at_ends_at;
