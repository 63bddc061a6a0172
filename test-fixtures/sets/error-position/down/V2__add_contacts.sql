ALTER TABLE accounts
    ADD COLUMN email text,
    ADD COLUMN phone text;
