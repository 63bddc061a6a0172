DROP TABLE IF EXISTS catalog_service.categories;
DROP TABLE IF EXISTS catalog_service.brands;
DROP TYPE IF EXISTS catalog_service.post_status;
DROP TYPE IF EXISTS catalog_service.page_status;
DROP TYPE IF EXISTS catalog_service.review_status;
DROP TYPE IF EXISTS catalog_service.media_type;
DROP TYPE IF EXISTS catalog_service.product_status;
