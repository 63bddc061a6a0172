-- moderated_at is derived from moderation_decisions, which V3 did not change.
ALTER TABLE review_service.reviews DROP CONSTRAINT IF EXISTS chk_reviews_moderated_state;
ALTER TABLE review_service.reviews DROP COLUMN IF EXISTS moderated_at;
