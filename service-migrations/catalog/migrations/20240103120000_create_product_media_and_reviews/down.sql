DROP TABLE IF EXISTS catalog_service.product_reviews;
DROP TABLE IF EXISTS catalog_service.product_media;
