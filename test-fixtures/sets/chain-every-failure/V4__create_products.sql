CREATE TABLE products (
    id bigint GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL,
    CONSTRAINT pk_products PRIMARY KEY (id)
);
