-- V2: verified purchase badge, review language, and helpful votes can never go negative.

ALTER TABLE review_service.reviews
    ADD COLUMN is_verified_purchase boolean NOT NULL DEFAULT false,
    ADD COLUMN locale               varchar(10);

ALTER TABLE review_service.reviews
    ADD CONSTRAINT chk_reviews_helpful_votes CHECK (helpful_votes >= 0);

COMMENT ON COLUMN review_service.reviews.is_verified_purchase IS 'The reviewer bought the product (order_id checked against the order service).';
