-- Payment service V1: payments, provider transactions and refunds. Amounts are stored in minor units (cents).

CREATE TYPE payment_service.payment_status AS ENUM (
    'pending', 'authorized', 'captured', 'partially_refunded', 'refunded', 'failed', 'cancelled'
);

CREATE TABLE payment_service.payments (
    id                 uuid         NOT NULL DEFAULT gen_random_uuid(),
    order_id           varchar(64)  NOT NULL,
    customer_id        varchar(64)  NOT NULL,
    amount_cents       bigint       NOT NULL,
    currency           char(3)      NOT NULL,
    status             payment_service.payment_status NOT NULL DEFAULT 'pending',
    provider           varchar(32)  NOT NULL,
    provider_reference varchar(128),
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_payments PRIMARY KEY (id),
    CONSTRAINT uq_payments_provider_provider_reference UNIQUE (provider, provider_reference),
    CONSTRAINT chk_payments_amount_positive CHECK (amount_cents > 0),
    CONSTRAINT chk_payments_currency_format CHECK (currency ~ '^[A-Z]{3}$')
);
CREATE INDEX idx_payments_order_id ON payment_service.payments (order_id);
COMMENT ON TABLE payment_service.payments IS 'One payment attempt for an order with a payment provider.';

CREATE TABLE payment_service.payment_transactions (
    id                      uuid         NOT NULL DEFAULT gen_random_uuid(),
    payment_id              uuid         NOT NULL,
    transaction_type        varchar(16)  NOT NULL,
    amount_cents            bigint       NOT NULL,
    succeeded               boolean      NOT NULL,
    provider_transaction_id varchar(128),
    raw_response            jsonb,
    created_at              timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_payment_transactions PRIMARY KEY (id),
    CONSTRAINT fk_payment_transactions_payments FOREIGN KEY (payment_id)
        REFERENCES payment_service.payments (id) ON DELETE CASCADE,
    CONSTRAINT chk_payment_transactions_transaction_type
        CHECK (transaction_type IN ('authorize', 'capture', 'void', 'refund')),
    CONSTRAINT chk_payment_transactions_amount_non_negative CHECK (amount_cents >= 0)
);
CREATE INDEX idx_payment_transactions_payment_id ON payment_service.payment_transactions (payment_id);
COMMENT ON TABLE payment_service.payment_transactions IS 'Calls made to the payment provider for a payment (append only).';

CREATE TABLE payment_service.refunds (
    id           uuid         NOT NULL DEFAULT gen_random_uuid(),
    payment_id   uuid         NOT NULL,
    amount_cents bigint       NOT NULL,
    reason       varchar(255),
    status       varchar(16)  NOT NULL DEFAULT 'requested',
    requested_at timestamptz  NOT NULL DEFAULT now(),
    processed_at timestamptz,
    CONSTRAINT pk_refunds PRIMARY KEY (id),
    CONSTRAINT fk_refunds_payments FOREIGN KEY (payment_id)
        REFERENCES payment_service.payments (id) ON DELETE RESTRICT,
    CONSTRAINT chk_refunds_amount_positive CHECK (amount_cents > 0),
    CONSTRAINT chk_refunds_status CHECK (status IN ('requested', 'processing', 'succeeded', 'failed'))
);
CREATE INDEX idx_refunds_payment_id ON payment_service.refunds (payment_id);
COMMENT ON TABLE payment_service.refunds IS 'Full or partial refunds of a captured payment.';
