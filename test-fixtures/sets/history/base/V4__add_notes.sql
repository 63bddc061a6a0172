ALTER TABLE accounts ADD COLUMN notes text;
