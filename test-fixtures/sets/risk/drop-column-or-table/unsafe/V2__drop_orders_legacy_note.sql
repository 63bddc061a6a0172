-- notes moved to the support tool
SET lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN legacy_note;
