-- balance_after is derived from the ledger entries, which V3 did not change.
ALTER TABLE loyalty_service.points_ledger DROP COLUMN IF EXISTS balance_after;
