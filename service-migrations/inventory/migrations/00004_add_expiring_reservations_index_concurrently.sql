-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_stock_reservations_expires_at ON inventory_service.stock_reservations (expires_at) WHERE status = 'active';

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS inventory_service.idx_stock_reservations_expires_at;
