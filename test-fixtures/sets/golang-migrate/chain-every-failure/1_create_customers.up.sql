-- customers of the example shop
CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL,
    CONSTRAINT pk_customers PRIMARY KEY (id)
);
