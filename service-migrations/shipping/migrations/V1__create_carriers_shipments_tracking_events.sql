-- Shipping service V1: carriers, shipments (one or more per order) and carrier tracking events.

CREATE TYPE shipping_service.shipment_status AS ENUM (
    'label_created', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'returned'
);

CREATE FUNCTION shipping_service.set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
COMMENT ON FUNCTION shipping_service.set_updated_at() IS 'Trigger function keeping updated_at current on every UPDATE.';

CREATE TABLE shipping_service.carriers (
    id                    integer GENERATED ALWAYS AS IDENTITY,
    code                  varchar(32)  NOT NULL,
    name                  varchar(200) NOT NULL,
    tracking_url_template varchar(500),
    is_active             boolean      NOT NULL DEFAULT true,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_carriers PRIMARY KEY (id),
    CONSTRAINT uq_carriers_code UNIQUE (code)
);
COMMENT ON TABLE shipping_service.carriers IS 'Parcel carriers (ups, dhl, fedex, ...).';
COMMENT ON COLUMN shipping_service.carriers.tracking_url_template IS 'URL with a {trackingNumber} placeholder.';

CREATE TABLE shipping_service.shipments (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    order_id        varchar(64) NOT NULL,
    carrier_id      integer     NOT NULL,
    tracking_number varchar(64),
    status          shipping_service.shipment_status NOT NULL DEFAULT 'label_created',
    weight_grams    integer     NOT NULL,
    ship_to         jsonb       NOT NULL,
    shipped_at      timestamptz,
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_shipments PRIMARY KEY (id),
    CONSTRAINT fk_shipments_carriers FOREIGN KEY (carrier_id)
        REFERENCES shipping_service.carriers (id) ON DELETE RESTRICT,
    CONSTRAINT uq_shipments_carrier_id_tracking_number UNIQUE (carrier_id, tracking_number),
    CONSTRAINT chk_shipments_weight_positive CHECK (weight_grams > 0)
);
CREATE INDEX idx_shipments_order_id ON shipping_service.shipments (order_id);
COMMENT ON TABLE shipping_service.shipments IS 'Parcels sent for an order.';

CREATE TABLE shipping_service.tracking_events (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    shipment_id uuid         NOT NULL,
    status      shipping_service.shipment_status NOT NULL,
    description varchar(500),
    location    varchar(200),
    occurred_at timestamptz  NOT NULL,
    received_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_tracking_events PRIMARY KEY (id),
    CONSTRAINT fk_tracking_events_shipments FOREIGN KEY (shipment_id)
        REFERENCES shipping_service.shipments (id) ON DELETE CASCADE
);
COMMENT ON TABLE shipping_service.tracking_events IS 'Scan events received from the carrier for a shipment.';

CREATE TRIGGER trg_shipments_set_updated_at
    BEFORE UPDATE ON shipping_service.shipments
    FOR EACH ROW EXECUTE FUNCTION shipping_service.set_updated_at();
