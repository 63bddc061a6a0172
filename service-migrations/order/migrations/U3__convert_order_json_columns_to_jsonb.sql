-- jsonb -> json keeps every key and value (key order and whitespace are normalised by jsonb).
ALTER TABLE order_service.orders
    DROP CONSTRAINT IF EXISTS chk_orders_billing_address_object,
    DROP CONSTRAINT IF EXISTS chk_orders_shipping_address_object;

ALTER TABLE order_service.orders
    ALTER COLUMN payment_method TYPE json USING payment_method::json,
    ALTER COLUMN billing_address TYPE json USING billing_address::json,
    ALTER COLUMN shipping_address TYPE json USING shipping_address::json;
