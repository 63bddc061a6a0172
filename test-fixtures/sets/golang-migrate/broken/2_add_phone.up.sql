ALTER TABLE accounts ADD COLUMN phone text;
