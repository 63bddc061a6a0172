-- V2: ledger entries carry an idempotency key (retried order events must not earn twice),
-- tiers expire, and points earned expire after 365 days by default.

ALTER TABLE loyalty_service.points_ledger ADD COLUMN idempotency_key varchar(128);
ALTER TABLE loyalty_service.points_ledger
    ADD CONSTRAINT uq_points_ledger_idempotency_key UNIQUE (idempotency_key);
ALTER TABLE loyalty_service.points_ledger
    ALTER COLUMN expires_at SET DEFAULT now() + interval '365 days';

ALTER TABLE loyalty_service.loyalty_accounts ADD COLUMN tier_expires_at date;

COMMENT ON COLUMN loyalty_service.points_ledger.idempotency_key IS 'Caller supplied key, e.g. order-completed:<order id>.';
