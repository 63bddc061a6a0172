-- +goose Up
ALTER TABLE accounts ADD COLUMN country text;

-- +goose Down
ALTER TABLE accounts DROP COLUMN country;
