-- the column was called phone

ALTER TABLE accounts DROP COLUMN phon;
