-- +goose Up
ALTER TABLE accounts ADD COLUMN city text;

-- +goose Down
ALTER TABLE accounts DROP COLUMN city;
