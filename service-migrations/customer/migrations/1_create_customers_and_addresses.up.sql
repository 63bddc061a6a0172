-- Customer service V1: customers, their addresses, and an updated_at trigger.

CREATE FUNCTION customer_service.set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
COMMENT ON FUNCTION customer_service.set_updated_at() IS 'Trigger function keeping updated_at current on every UPDATE.';

CREATE TABLE customer_service.customers (
    id               uuid         NOT NULL DEFAULT gen_random_uuid(),
    email            varchar(320) NOT NULL,
    full_name        varchar(200) NOT NULL,
    phone            varchar(32),
    status           varchar(16)  NOT NULL DEFAULT 'active',
    marketing_opt_in boolean      NOT NULL DEFAULT false,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_customers PRIMARY KEY (id),
    CONSTRAINT chk_customers_status CHECK (status IN ('active', 'suspended', 'closed')),
    CONSTRAINT chk_customers_email_format CHECK (email ~* '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$')
);
CREATE UNIQUE INDEX uq_customers_email ON customer_service.customers (lower(email));
COMMENT ON TABLE customer_service.customers IS 'Registered shoppers of the storefront.';
COMMENT ON COLUMN customer_service.customers.email IS 'Login and contact e-mail, unique case-insensitively.';

CREATE TABLE customer_service.customer_addresses (
    id            uuid         NOT NULL DEFAULT gen_random_uuid(),
    customer_id   uuid         NOT NULL,
    address_type  varchar(16)  NOT NULL,
    recipient     varchar(200) NOT NULL,
    line1         varchar(200) NOT NULL,
    line2         varchar(200),
    city          varchar(100) NOT NULL,
    region        varchar(100),
    postal_code   varchar(20),
    country_code  char(2)      NOT NULL,
    is_default    boolean      NOT NULL DEFAULT false,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_customer_addresses PRIMARY KEY (id),
    CONSTRAINT fk_customer_addresses_customers FOREIGN KEY (customer_id)
        REFERENCES customer_service.customers (id) ON DELETE CASCADE,
    CONSTRAINT chk_customer_addresses_address_type CHECK (address_type IN ('shipping', 'billing')),
    CONSTRAINT chk_customer_addresses_country_code CHECK (country_code ~ '^[A-Z]{2}$')
);
CREATE INDEX idx_customer_addresses_customer_id ON customer_service.customer_addresses (customer_id);
-- one default shipping and one default billing address per customer
CREATE UNIQUE INDEX uq_customer_addresses_customer_id_address_type
    ON customer_service.customer_addresses (customer_id, address_type) WHERE is_default;
COMMENT ON TABLE customer_service.customer_addresses IS 'Shipping and billing addresses of a customer.';

CREATE TRIGGER trg_customers_set_updated_at
    BEFORE UPDATE ON customer_service.customers
    FOR EACH ROW EXECUTE FUNCTION customer_service.set_updated_at();
CREATE TRIGGER trg_customer_addresses_set_updated_at
    BEFORE UPDATE ON customer_service.customer_addresses
    FOR EACH ROW EXECUTE FUNCTION customer_service.set_updated_at();
