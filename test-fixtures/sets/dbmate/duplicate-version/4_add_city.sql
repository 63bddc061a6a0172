-- migrate:up
ALTER TABLE accounts ADD COLUMN city text;

-- migrate:down
ALTER TABLE accounts DROP COLUMN city;
