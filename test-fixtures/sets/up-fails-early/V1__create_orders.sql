CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY,
    status text NOT NULL,
    CONSTRAINT pk_orders PRIMARY KEY (id)
);
-- breaks index-prefix: expected idx_orders_...
CREATE INDEX orders_status ON orders (status);
