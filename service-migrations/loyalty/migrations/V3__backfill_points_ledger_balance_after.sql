-- V3 (data migration): each ledger entry records the account balance after it, backfilled with
-- a running sum over the account's entries in (created_at, id) order.

ALTER TABLE loyalty_service.points_ledger ADD COLUMN balance_after integer;

UPDATE loyalty_service.points_ledger l
   SET balance_after = r.running
  FROM (SELECT id,
               sum(points) OVER (PARTITION BY account_id ORDER BY created_at, id
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
          FROM loyalty_service.points_ledger) r
 WHERE r.id = l.id;

ALTER TABLE loyalty_service.points_ledger ALTER COLUMN balance_after SET NOT NULL;
COMMENT ON COLUMN loyalty_service.points_ledger.balance_after IS 'Account balance right after this entry.';
