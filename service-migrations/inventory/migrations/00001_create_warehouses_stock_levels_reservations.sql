-- +goose Up
-- Inventory service V1: warehouses, stock per SKU and warehouse, reservations held for orders,
-- and a view of the available quantity.

CREATE TABLE inventory_service.warehouses (
    id           uuid         NOT NULL DEFAULT gen_random_uuid(),
    code         varchar(32)  NOT NULL,
    name         varchar(200) NOT NULL,
    country_code char(2)      NOT NULL,
    is_active    boolean      NOT NULL DEFAULT true,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_warehouses PRIMARY KEY (id),
    CONSTRAINT uq_warehouses_code UNIQUE (code),
    CONSTRAINT chk_warehouses_country_code CHECK (country_code ~ '^[A-Z]{2}$')
);
COMMENT ON TABLE inventory_service.warehouses IS 'Fulfilment centres and stores holding stock.';

CREATE TABLE inventory_service.stock_levels (
    warehouse_id uuid        NOT NULL,
    sku          varchar(64) NOT NULL,
    on_hand      integer     NOT NULL DEFAULT 0,
    reserved     integer     NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_stock_levels PRIMARY KEY (warehouse_id, sku),
    CONSTRAINT fk_stock_levels_warehouses FOREIGN KEY (warehouse_id)
        REFERENCES inventory_service.warehouses (id) ON DELETE RESTRICT,
    CONSTRAINT chk_stock_levels_on_hand_non_negative CHECK (on_hand >= 0),
    CONSTRAINT chk_stock_levels_reserved_range CHECK (reserved >= 0 AND reserved <= on_hand)
);
CREATE INDEX idx_stock_levels_sku ON inventory_service.stock_levels (sku);
COMMENT ON TABLE inventory_service.stock_levels IS 'Physical (on_hand) and reserved units of a SKU in a warehouse.';

CREATE TABLE inventory_service.stock_reservations (
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    warehouse_id uuid        NOT NULL,
    sku          varchar(64) NOT NULL,
    order_id     varchar(64) NOT NULL,
    quantity     integer     NOT NULL,
    status       varchar(16) NOT NULL DEFAULT 'active',
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_stock_reservations PRIMARY KEY (id),
    CONSTRAINT fk_stock_reservations_stock_levels FOREIGN KEY (warehouse_id, sku)
        REFERENCES inventory_service.stock_levels (warehouse_id, sku) ON DELETE RESTRICT,
    CONSTRAINT chk_stock_reservations_quantity_positive CHECK (quantity > 0),
    CONSTRAINT chk_stock_reservations_status CHECK (status IN ('active', 'released', 'fulfilled', 'expired'))
);
CREATE INDEX idx_stock_reservations_order_id ON inventory_service.stock_reservations (order_id);
CREATE INDEX idx_stock_reservations_warehouse_id_sku ON inventory_service.stock_reservations (warehouse_id, sku);
COMMENT ON TABLE inventory_service.stock_reservations IS 'Units held for an order in one warehouse until fulfilled, released or expired.';

CREATE VIEW inventory_service.v_stock_availability AS
SELECT w.code AS warehouse_code,
       s.warehouse_id,
       s.sku,
       s.on_hand,
       s.reserved,
       s.on_hand - s.reserved AS available
  FROM inventory_service.stock_levels s
  JOIN inventory_service.warehouses w ON w.id = s.warehouse_id
 WHERE w.is_active;
COMMENT ON VIEW inventory_service.v_stock_availability IS 'Sellable units per SKU in active warehouses.';

-- +goose Down
DROP VIEW IF EXISTS inventory_service.v_stock_availability;
DROP TABLE IF EXISTS inventory_service.stock_reservations;
DROP TABLE IF EXISTS inventory_service.stock_levels;
DROP TABLE IF EXISTS inventory_service.warehouses;
