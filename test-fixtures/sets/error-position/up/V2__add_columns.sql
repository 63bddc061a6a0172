-- two columns; the second names a type that does not exist (line 4, column 21)
ALTER TABLE accounts
    ADD COLUMN email text,
    ADD COLUMN tier account_tierr;
