-- a no-op down: the table was to be dropped by hand
SELECT 1;
