-- a phone number per account
ALTER TABLE accounts
    ADD COLUMN phone varchar(32);
