-- +goose Up
CREATE TABLE products (
    id bigint GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL,
    CONSTRAINT pk_products PRIMARY KEY (id)
);

-- +goose Down
-- reverses the up of 4: right on its own, but the down of 5 leaves order_lines behind in a real rollback


DROP TABLE products;
