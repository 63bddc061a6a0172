-- +goose Up
ALTER TABLE accounts ADD COLUMN note text;

-- +goose Down
