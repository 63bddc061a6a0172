DROP INDEX IF EXISTS order_service.idx_order_discounts_order_id;
DROP INDEX IF EXISTS order_service.idx_order_items_product_id;
DROP INDEX IF EXISTS order_service.idx_order_items_order_id;
DROP INDEX IF EXISTS order_service.idx_orders_created_at;
DROP INDEX IF EXISTS order_service.idx_orders_status;
DROP INDEX IF EXISTS order_service.idx_orders_customer_id;

DROP TABLE IF EXISTS order_service.order_discounts;
DROP TABLE IF EXISTS order_service.order_items;
DROP TABLE IF EXISTS order_service.orders;

DROP TYPE IF EXISTS order_service.orderstatus;
