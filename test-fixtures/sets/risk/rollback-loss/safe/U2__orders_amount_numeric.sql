-- gives amount_cents back with its values: copied back from amount in batches that commit one by one, NOT NULL proven
-- by a validated check (no scan under ACCESS EXCLUSIVE), then amount goes; each statement commits on its own
-- (U2__orders_amount_numeric.sql.conf)
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN amount_cents integer;
DO $$
DECLARE
    filled integer;
BEGIN
    LOOP
        UPDATE orders SET amount_cents = round(amount * 100)::integer
        WHERE id IN (SELECT id FROM orders WHERE amount_cents IS NULL AND amount IS NOT NULL LIMIT 1000);
        GET DIAGNOSTICS filled = ROW_COUNT;
        COMMIT;
        EXIT WHEN filled = 0;
    END LOOP;
END
$$;
ALTER TABLE orders ADD CONSTRAINT chk_orders_amount_cents_not_null CHECK (amount_cents IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_amount_cents_not_null;
-- reads no row: the validated chk_orders_amount_cents_not_null proves there is no null (PostgreSQL 12+)
ALTER TABLE orders ALTER COLUMN amount_cents SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT chk_orders_amount_cents_not_null;
ALTER TABLE orders DROP COLUMN amount;
