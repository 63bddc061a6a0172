-- V2: move the Alembic client-side defaults into the database, add sanity checks,
-- and generate order numbers from a sequence (ORD-0000000001, ...).

CREATE SEQUENCE IF NOT EXISTS order_service.order_number_seq AS bigint START WITH 1 INCREMENT BY 1 NO CYCLE;
COMMENT ON SEQUENCE order_service.order_number_seq IS 'Source of human readable order numbers.';

ALTER TABLE order_service.orders
    ALTER COLUMN order_number SET DEFAULT 'ORD-' || lpad(nextval('order_service.order_number_seq')::text, 10, '0'),
    ALTER COLUMN status SET DEFAULT 'PENDING_PAYMENT',
    ALTER COLUMN total_discounts SET DEFAULT 0,
    ALTER COLUMN shipping_cost SET DEFAULT 0,
    ALTER COLUMN tax_amount SET DEFAULT 0,
    ALTER COLUMN currency SET DEFAULT 'USD';

ALTER TABLE order_service.orders
    ADD CONSTRAINT chk_orders_amounts_non_negative
        CHECK (subtotal >= 0 AND total_discounts >= 0 AND shipping_cost >= 0 AND tax_amount >= 0 AND total_amount >= 0),
    ADD CONSTRAINT chk_orders_currency_format CHECK (currency ~ '^[A-Z]{3}$');

ALTER TABLE order_service.order_items
    ADD CONSTRAINT chk_order_items_quantity_positive CHECK (quantity > 0),
    ADD CONSTRAINT chk_order_items_prices_non_negative CHECK (unit_price >= 0 AND total_price >= 0);
