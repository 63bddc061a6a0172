-- +goose Up
-- +goose ENVSUB ON
CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    full_name text NOT NULL
);
COMMENT ON TABLE customers IS '${CUSTOMERS_TABLE_COMMENT:-customers of the shop}';
-- +goose ENVSUB OFF

-- +goose Down
DROP TABLE customers;
