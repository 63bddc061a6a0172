-- migrate:up
ALTER TABLE accounts ADD COLUMN note text;

-- migrate:down
