-- V3 (data migration): the address and payment method documents move from json to jsonb
-- so they can be indexed and queried with containment operators.

ALTER TABLE order_service.orders
    ALTER COLUMN shipping_address TYPE jsonb USING shipping_address::jsonb,
    ALTER COLUMN billing_address TYPE jsonb USING billing_address::jsonb,
    ALTER COLUMN payment_method TYPE jsonb USING payment_method::jsonb;

ALTER TABLE order_service.orders
    ADD CONSTRAINT chk_orders_shipping_address_object CHECK (jsonb_typeof(shipping_address) = 'object'),
    ADD CONSTRAINT chk_orders_billing_address_object CHECK (jsonb_typeof(billing_address) = 'object');
