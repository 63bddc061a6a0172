ALTER TABLE loyalty_service.loyalty_accounts DROP COLUMN IF EXISTS tier_expires_at;

ALTER TABLE loyalty_service.points_ledger ALTER COLUMN expires_at DROP DEFAULT;
ALTER TABLE loyalty_service.points_ledger DROP CONSTRAINT IF EXISTS uq_points_ledger_idempotency_key;
ALTER TABLE loyalty_service.points_ledger DROP COLUMN IF EXISTS idempotency_key;
