ALTER TABLE inventory_service.stock_reservations ALTER COLUMN expires_at DROP DEFAULT;

ALTER TABLE inventory_service.stock_levels DROP CONSTRAINT IF EXISTS chk_stock_levels_reorder_settings;

ALTER TABLE inventory_service.stock_levels
    DROP COLUMN IF EXISTS safety_stock,
    DROP COLUMN IF EXISTS reorder_point;
