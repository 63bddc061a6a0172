-- restores the old balances in batches, each committed on its own: a procedure that commits cannot run inside a
-- transaction, so this script runs outside one (U2__correct_negative_balances.sql.conf)
CREATE PROCEDURE restore_negative_balances() LANGUAGE plpgsql AS $$
DECLARE
    restored integer;
BEGIN
    LOOP
        WITH batch AS (
            DELETE FROM balance_corrections
            WHERE account_id IN (SELECT account_id FROM balance_corrections LIMIT 1000)
            RETURNING account_id, old_balance
        )
        UPDATE accounts SET balance = batch.old_balance FROM batch WHERE accounts.id = batch.account_id;
        GET DIAGNOSTICS restored = ROW_COUNT;
        COMMIT;
        EXIT WHEN restored = 0;
    END LOOP;
END
$$;
CALL restore_negative_balances();
DROP PROCEDURE restore_negative_balances();
DROP TABLE balance_corrections;
