-- V3 (data migration): reviews get moderated_at, backfilled with the time of their latest
-- moderation decision, so the storefront no longer has to aggregate moderation_decisions.

ALTER TABLE review_service.reviews ADD COLUMN moderated_at timestamptz;

UPDATE review_service.reviews r
   SET moderated_at = d.last_decided_at
  FROM (SELECT review_id, max(decided_at) AS last_decided_at
          FROM review_service.moderation_decisions
         GROUP BY review_id) d
 WHERE d.review_id = r.id;

ALTER TABLE review_service.reviews
    ADD CONSTRAINT chk_reviews_moderated_state CHECK (state = 'pending' OR moderated_at IS NOT NULL);
COMMENT ON COLUMN review_service.reviews.moderated_at IS 'When the latest moderation decision was taken (NULL while pending).';
