-- the table is misspelled on purpose: line 2
ALTER TABLE ordres ADD COLUMN total numeric(12, 2);
