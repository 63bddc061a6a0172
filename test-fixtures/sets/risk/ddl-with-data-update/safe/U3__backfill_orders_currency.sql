-- the old rows had no currency before V3; rows added since took the default and cannot be told apart from them
SET lock_timeout = '5s';
UPDATE orders SET currency = NULL WHERE currency = 'EUR';
