CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_reviews_product_id_created_at ON review_service.reviews (product_id, created_at DESC) WHERE state = 'approved';
