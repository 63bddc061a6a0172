-- adds a phone number
ALTER TABLE accounts ADD COLUMN phone text;

-- the table is misspelled on purpose: line 5
ALTER TABLE acounts ADD COLUMN fax text;
