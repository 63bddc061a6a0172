-- the shop as production runs it: customers and their orders (tables with rows); amount_cents comes last, so that a
-- rollback that adds it back puts it where it was
CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_customers PRIMARY KEY,
    email text NOT NULL CONSTRAINT uq_customers_email UNIQUE,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_orders PRIMARY KEY,
    customer_id bigint NOT NULL CONSTRAINT fk_orders_customers REFERENCES customers (id),
    status text NOT NULL DEFAULT 'new',
    created_at timestamptz NOT NULL DEFAULT now(),
    amount_cents integer NOT NULL
);
CREATE INDEX idx_orders_customer_id ON orders (customer_id);
