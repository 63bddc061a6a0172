DROP TABLE IF EXISTS catalog_service.product_variants;
DROP TABLE IF EXISTS catalog_service.products;
