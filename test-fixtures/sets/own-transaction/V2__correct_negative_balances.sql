-- in a serializable transaction of its own, so Flyway must not wrap it in one (V2__correct_negative_balances.sql.conf)
BEGIN;
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
CREATE TABLE balance_corrections (
    account_id bigint CONSTRAINT pk_balance_corrections PRIMARY KEY,
    old_balance numeric(12, 2) NOT NULL
);
INSERT INTO balance_corrections (account_id, old_balance) SELECT id, balance FROM accounts WHERE balance < 0;
UPDATE accounts SET balance = 0 WHERE balance < 0;
COMMIT;
