-- the file holds its own transaction, as golang-migrate users often write it
BEGIN;
ALTER TABLE customers ADD COLUMN email text;
UPDATE customers SET email = lower(full_name) || '@example.com';
COMMIT;
