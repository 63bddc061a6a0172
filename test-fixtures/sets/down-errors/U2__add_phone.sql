-- reverses V2

ALTER TABLE accounts DROP COLUMN phon;
