-- migrate:up
ALTER TABLE accounts ADD COLUMN country text;

-- migrate:down
ALTER TABLE accounts DROP COLUMN country;
