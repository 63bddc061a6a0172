-- Order service V1: faithful translation of Alembic revision 001
-- (order-service/alembic/versions/20241029_1430_001_create_orders_table.py).
-- sa.String() -> varchar without length, sa.JSON() -> json, DateTime(timezone=True) -> timestamptz.
-- The Alembic column "default=" values are client-side (Python) defaults, so they create no DB default.

CREATE TYPE order_service.orderstatus AS ENUM (
    'PENDING_PAYMENT',
    'CONFIRMED',
    'PROCESSING',
    'FULFILLMENT_STARTED',
    'PICKED',
    'PACKAGED',
    'SHIPPED',
    'DELIVERED',
    'CANCELLED',
    'REFUNDED'
);

CREATE TABLE order_service.orders (
    id               varchar                  NOT NULL,
    order_number     varchar(50)              NOT NULL,
    customer_id      varchar                  NOT NULL,
    status           order_service.orderstatus NOT NULL,
    subtotal         numeric(10,2)            NOT NULL,
    total_discounts  numeric(10,2)            NOT NULL,
    shipping_cost    numeric(10,2)            NOT NULL,
    tax_amount       numeric(10,2)            NOT NULL,
    total_amount     numeric(10,2)            NOT NULL,
    currency         varchar(3)               NOT NULL,
    shipping_address json                     NOT NULL,
    billing_address  json                     NOT NULL,
    payment_method   json,
    transaction_id   varchar,
    notes            text,
    created_at       timestamp with time zone NOT NULL DEFAULT now(),
    updated_at       timestamp with time zone NOT NULL DEFAULT now(),
    confirmed_at     timestamp with time zone,
    shipped_at       timestamp with time zone,
    delivered_at     timestamp with time zone,
    CONSTRAINT pk_orders PRIMARY KEY (id),
    CONSTRAINT uq_orders_order_number UNIQUE (order_number)
);
COMMENT ON TABLE order_service.orders IS 'Customer orders with their totals, addresses and lifecycle timestamps.';

CREATE TABLE order_service.order_items (
    id           varchar                  NOT NULL,
    order_id     varchar                  NOT NULL,
    product_id   varchar                  NOT NULL,
    sku          varchar                  NOT NULL,
    name         varchar                  NOT NULL,
    quantity     integer                  NOT NULL,
    unit_price   numeric(10,2)            NOT NULL,
    total_price  numeric(10,2)            NOT NULL,
    warehouse_id varchar                  NOT NULL,
    created_at   timestamp with time zone NOT NULL DEFAULT now(),
    updated_at   timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT pk_order_items PRIMARY KEY (id),
    CONSTRAINT fk_order_items_orders FOREIGN KEY (order_id)
        REFERENCES order_service.orders (id) ON DELETE CASCADE
);
COMMENT ON TABLE order_service.order_items IS 'Order lines: one SKU, quantity and price, fulfilled from one warehouse.';

CREATE TABLE order_service.order_discounts (
    id         varchar                  NOT NULL,
    order_id   varchar                  NOT NULL,
    type       varchar(50)              NOT NULL,
    code       varchar,
    name       varchar                  NOT NULL,
    amount     numeric(10,2)            NOT NULL,
    percentage numeric(5,2),
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT pk_order_discounts PRIMARY KEY (id),
    CONSTRAINT fk_order_discounts_orders FOREIGN KEY (order_id)
        REFERENCES order_service.orders (id) ON DELETE CASCADE
);
COMMENT ON TABLE order_service.order_discounts IS 'Discounts applied to an order (promotion, loyalty, coupon).';
COMMENT ON COLUMN order_service.order_discounts.type IS 'promotion, loyalty or coupon.';

CREATE INDEX idx_orders_customer_id ON order_service.orders (customer_id);
CREATE INDEX idx_orders_status ON order_service.orders (status);
CREATE INDEX idx_orders_created_at ON order_service.orders (created_at);
CREATE INDEX idx_order_items_order_id ON order_service.order_items (order_id);
CREATE INDEX idx_order_items_product_id ON order_service.order_items (product_id);
CREATE INDEX idx_order_discounts_order_id ON order_service.order_discounts (order_id);
