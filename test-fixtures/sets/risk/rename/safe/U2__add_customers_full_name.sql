SET lock_timeout = '5s';
DROP TRIGGER customers_sync_full_name ON customers;
DROP FUNCTION customers_sync_full_name();
ALTER TABLE customers DROP COLUMN full_name;
