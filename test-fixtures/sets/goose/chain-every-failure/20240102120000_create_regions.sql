-- +goose Up
CREATE TABLE regions (
    id bigint GENERATED ALWAYS AS IDENTITY,
    code text NOT NULL,
    CONSTRAINT pk_regions PRIMARY KEY (id)
);

-- +goose Down
-- reverses the up of 2: right on its own, but the down of 3 leaves customers.region_id behind,
-- whose foreign key still points here in a real rollback
DROP TABLE regions;
