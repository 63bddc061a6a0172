ALTER TABLE review_service.reviews DROP CONSTRAINT IF EXISTS chk_reviews_helpful_votes;
ALTER TABLE review_service.reviews
    DROP COLUMN IF EXISTS locale,
    DROP COLUMN IF EXISTS is_verified_purchase;
