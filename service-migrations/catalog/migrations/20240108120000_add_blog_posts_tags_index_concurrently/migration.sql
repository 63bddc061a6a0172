CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_blog_posts_tags ON catalog_service.blog_posts USING gin (tags);
