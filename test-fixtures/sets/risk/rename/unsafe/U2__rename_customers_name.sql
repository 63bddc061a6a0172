SET lock_timeout = '5s';
ALTER TABLE customers RENAME COLUMN full_name TO name;
