-- item_count is derived from order_items, which V4 left untouched.
ALTER TABLE order_service.orders DROP CONSTRAINT IF EXISTS chk_orders_item_count_non_negative;
ALTER TABLE order_service.orders DROP COLUMN IF EXISTS item_count;
