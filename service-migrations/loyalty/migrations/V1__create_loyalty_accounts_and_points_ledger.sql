-- Loyalty service V1: one loyalty account per customer, an append-only points ledger,
-- and a view reconciling the stored balance with the ledger.

CREATE TABLE loyalty_service.loyalty_accounts (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    customer_id     uuid        NOT NULL,
    tier            varchar(16) NOT NULL DEFAULT 'bronze',
    points_balance  integer     NOT NULL DEFAULT 0,
    lifetime_points integer     NOT NULL DEFAULT 0,
    enrolled_at     timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_loyalty_accounts PRIMARY KEY (id),
    CONSTRAINT uq_loyalty_accounts_customer_id UNIQUE (customer_id),
    CONSTRAINT chk_loyalty_accounts_tier CHECK (tier IN ('bronze', 'silver', 'gold', 'platinum')),
    CONSTRAINT chk_loyalty_accounts_points CHECK (points_balance >= 0 AND lifetime_points >= points_balance)
);
COMMENT ON TABLE loyalty_service.loyalty_accounts IS 'Loyalty programme membership of a customer with the current points balance.';

CREATE TABLE loyalty_service.points_ledger (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    account_id  uuid         NOT NULL,
    entry_type  varchar(16)  NOT NULL,
    points      integer      NOT NULL,
    order_id    varchar(64),
    description varchar(255),
    expires_at  timestamptz,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_points_ledger PRIMARY KEY (id),
    CONSTRAINT fk_points_ledger_loyalty_accounts FOREIGN KEY (account_id)
        REFERENCES loyalty_service.loyalty_accounts (id) ON DELETE RESTRICT,
    CONSTRAINT chk_points_ledger_entry_type CHECK (entry_type IN ('earn', 'redeem', 'expire', 'adjust')),
    CONSTRAINT chk_points_ledger_points_sign CHECK (
        points <> 0
        AND (entry_type <> 'earn' OR points > 0)
        AND (entry_type NOT IN ('redeem', 'expire') OR points < 0))
);
CREATE INDEX idx_points_ledger_account_id ON loyalty_service.points_ledger (account_id);
CREATE INDEX idx_points_ledger_order_id ON loyalty_service.points_ledger (order_id) WHERE order_id IS NOT NULL;
COMMENT ON TABLE loyalty_service.points_ledger IS 'Append-only history of points earned, redeemed, expired and adjusted.';

CREATE VIEW loyalty_service.v_loyalty_account_balances AS
SELECT a.id AS account_id,
       a.customer_id,
       a.tier,
       a.points_balance,
       coalesce(sum(l.points), 0)::integer AS ledger_balance,
       a.points_balance = coalesce(sum(l.points), 0) AS is_consistent
  FROM loyalty_service.loyalty_accounts a
  LEFT JOIN loyalty_service.points_ledger l ON l.account_id = a.id
 GROUP BY a.id;
COMMENT ON VIEW loyalty_service.v_loyalty_account_balances IS 'Stored balance versus the sum of the ledger, per account.';
