-- V4 (data migration): denormalised number of units per order, backfilled from order_items.

ALTER TABLE order_service.orders
    ADD COLUMN item_count integer NOT NULL DEFAULT 0;

UPDATE order_service.orders o
   SET item_count = s.units
  FROM (SELECT order_id, sum(quantity)::integer AS units
          FROM order_service.order_items
         GROUP BY order_id) s
 WHERE s.order_id = o.id;

ALTER TABLE order_service.orders
    ADD CONSTRAINT chk_orders_item_count_non_negative CHECK (item_count >= 0);
COMMENT ON COLUMN order_service.orders.item_count IS 'Total units over all order_items of the order.';
