-- Review service V1: product reviews and the moderation decisions taken on them.

CREATE TYPE review_service.moderation_state AS ENUM ('pending', 'approved', 'rejected', 'flagged');

CREATE TABLE review_service.reviews (
    id            uuid         NOT NULL DEFAULT gen_random_uuid(),
    product_id    varchar(64)  NOT NULL,
    customer_id   uuid         NOT NULL,
    order_id      varchar(64),
    rating        smallint     NOT NULL,
    title         varchar(200),
    body          text,
    state         review_service.moderation_state NOT NULL DEFAULT 'pending',
    helpful_votes integer      NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_reviews PRIMARY KEY (id),
    CONSTRAINT uq_reviews_product_id_customer_id UNIQUE (product_id, customer_id),
    CONSTRAINT chk_reviews_rating CHECK (rating BETWEEN 1 AND 5)
);
CREATE INDEX idx_reviews_customer_id ON review_service.reviews (customer_id);
COMMENT ON TABLE review_service.reviews IS 'Customer reviews of products (one per customer and product).';

CREATE TABLE review_service.moderation_decisions (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    review_id    uuid        NOT NULL,
    moderator_id uuid,
    decision     varchar(16) NOT NULL,
    reason_code  varchar(64),
    notes        text,
    decided_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_moderation_decisions PRIMARY KEY (id),
    CONSTRAINT fk_moderation_decisions_reviews FOREIGN KEY (review_id)
        REFERENCES review_service.reviews (id) ON DELETE CASCADE,
    CONSTRAINT chk_moderation_decisions_decision CHECK (decision IN ('approve', 'reject', 'flag')),
    CONSTRAINT chk_moderation_decisions_reject_reason CHECK (decision <> 'reject' OR reason_code IS NOT NULL)
);
CREATE INDEX idx_moderation_decisions_review_id ON review_service.moderation_decisions (review_id);
COMMENT ON TABLE review_service.moderation_decisions IS 'Audit trail of moderation (automatic when moderator_id is NULL).';
