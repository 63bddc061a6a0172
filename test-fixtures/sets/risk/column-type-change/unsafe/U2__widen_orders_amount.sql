-- reverses V2: the way back rewrites every order under ACCESS EXCLUSIVE too, and the measurement sees it
SET lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN amount_cents TYPE integer;
