ALTER TABLE accounts ADD COLUMN tier text;
