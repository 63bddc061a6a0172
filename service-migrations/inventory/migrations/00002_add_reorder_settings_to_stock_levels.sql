-- +goose Up
-- V2: replenishment settings per SKU and warehouse; reservations expire after 30 minutes by default.

ALTER TABLE inventory_service.stock_levels
    ADD COLUMN reorder_point integer NOT NULL DEFAULT 0,
    ADD COLUMN safety_stock  integer NOT NULL DEFAULT 0;

ALTER TABLE inventory_service.stock_levels
    ADD CONSTRAINT chk_stock_levels_reorder_settings CHECK (reorder_point >= 0 AND safety_stock >= 0);

ALTER TABLE inventory_service.stock_reservations
    ALTER COLUMN expires_at SET DEFAULT now() + interval '30 minutes';

COMMENT ON COLUMN inventory_service.stock_levels.reorder_point IS 'Replenish when on_hand - reserved falls to this level.';

-- +goose Down
ALTER TABLE inventory_service.stock_reservations ALTER COLUMN expires_at DROP DEFAULT;

ALTER TABLE inventory_service.stock_levels DROP CONSTRAINT IF EXISTS chk_stock_levels_reorder_settings;

ALTER TABLE inventory_service.stock_levels
    DROP COLUMN IF EXISTS safety_stock,
    DROP COLUMN IF EXISTS reorder_point;
