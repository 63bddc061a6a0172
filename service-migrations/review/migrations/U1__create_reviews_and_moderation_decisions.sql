DROP TABLE IF EXISTS review_service.moderation_decisions;
DROP TABLE IF EXISTS review_service.reviews;
DROP TYPE IF EXISTS review_service.moderation_state;
