-- goose reads annotations whatever their case
-- +goose up
ALTER TABLE accounts ADD COLUMN email text;

-- +goose down
ALTER TABLE accounts DROP COLUMN email;
