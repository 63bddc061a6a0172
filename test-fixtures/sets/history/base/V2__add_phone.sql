-- a phone number per account
ALTER TABLE accounts
    ADD COLUMN phone text;
