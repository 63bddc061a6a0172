DROP TABLE IF EXISTS catalog_service.blog_posts;
DROP TABLE IF EXISTS catalog_service.pages;
