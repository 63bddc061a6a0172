DROP INDEX CONCURRENTLY IF EXISTS catalog_service.idx_blog_posts_tags;
