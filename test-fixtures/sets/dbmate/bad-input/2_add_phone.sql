-- migrate:upp
ALTER TABLE accounts ADD COLUMN phone text;

-- migrate:down
ALTER TABLE accounts DROP COLUMN phone;
