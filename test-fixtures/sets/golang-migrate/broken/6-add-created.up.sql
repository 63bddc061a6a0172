ALTER TABLE accounts ADD COLUMN created date;
