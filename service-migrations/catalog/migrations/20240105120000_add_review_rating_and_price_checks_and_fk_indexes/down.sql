DROP INDEX IF EXISTS catalog_service.uq_product_media_product_id_primary;
DROP INDEX IF EXISTS catalog_service.idx_product_reviews_product_id_status;
DROP INDEX IF EXISTS catalog_service.idx_product_media_product_id_sort_order;
DROP INDEX IF EXISTS catalog_service.idx_product_variants_product_id;
DROP INDEX IF EXISTS catalog_service.idx_products_brand_id;
DROP INDEX IF EXISTS catalog_service.idx_products_category_id;
DROP INDEX IF EXISTS catalog_service.idx_categories_parent_id;

ALTER TABLE catalog_service.categories DROP CONSTRAINT IF EXISTS chk_categories_parent_not_self;
ALTER TABLE catalog_service.product_variants DROP CONSTRAINT IF EXISTS chk_product_variants_base_price;
ALTER TABLE catalog_service.product_reviews DROP CONSTRAINT IF EXISTS chk_product_reviews_rating;
