-- gives amount_cents back as it was declared, but every order's amount becomes 0: the values V2 moved to amount are
-- not copied back
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN amount_cents integer NOT NULL DEFAULT 0;
ALTER TABLE orders ALTER COLUMN amount_cents DROP DEFAULT;
ALTER TABLE orders DROP COLUMN amount;
