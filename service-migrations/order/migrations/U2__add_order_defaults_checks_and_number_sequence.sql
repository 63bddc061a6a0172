ALTER TABLE order_service.order_items
    DROP CONSTRAINT IF EXISTS chk_order_items_prices_non_negative,
    DROP CONSTRAINT IF EXISTS chk_order_items_quantity_positive;

ALTER TABLE order_service.orders
    DROP CONSTRAINT IF EXISTS chk_orders_currency_format,
    DROP CONSTRAINT IF EXISTS chk_orders_amounts_non_negative;

ALTER TABLE order_service.orders
    ALTER COLUMN currency DROP DEFAULT,
    ALTER COLUMN tax_amount DROP DEFAULT,
    ALTER COLUMN shipping_cost DROP DEFAULT,
    ALTER COLUMN total_discounts DROP DEFAULT,
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN order_number DROP DEFAULT;

DROP SEQUENCE IF EXISTS order_service.order_number_seq;
