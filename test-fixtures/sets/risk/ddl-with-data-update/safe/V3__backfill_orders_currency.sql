-- every order so far was in euros: filled in batches that commit one by one, so no row stays locked for long
-- (outside a transaction: V3__backfill_orders_currency.sql.conf)
DO $$
DECLARE
    filled integer;
BEGIN
    LOOP
        UPDATE orders SET currency = 'EUR'
        WHERE id IN (SELECT id FROM orders WHERE currency IS NULL LIMIT 1000);
        GET DIAGNOSTICS filled = ROW_COUNT;
        COMMIT;
        EXIT WHEN filled = 0;
    END LOOP;
END
$$;
