ALTER TABLE accounts DROP COLUMN notes;
