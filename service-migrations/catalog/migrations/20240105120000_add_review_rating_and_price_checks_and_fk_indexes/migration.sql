-- V5: constraints Prisma could not express, and indexes on the foreign keys.

ALTER TABLE catalog_service.product_reviews
    ADD CONSTRAINT chk_product_reviews_rating CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE catalog_service.product_variants
    ADD CONSTRAINT chk_product_variants_base_price CHECK (base_price >= 0);
ALTER TABLE catalog_service.categories
    ADD CONSTRAINT chk_categories_parent_not_self CHECK (parent_id IS NULL OR parent_id <> id);

CREATE INDEX IF NOT EXISTS idx_categories_parent_id ON catalog_service.categories (parent_id);
CREATE INDEX IF NOT EXISTS idx_products_category_id ON catalog_service.products (category_id);
CREATE INDEX IF NOT EXISTS idx_products_brand_id ON catalog_service.products (brand_id);
CREATE INDEX IF NOT EXISTS idx_product_variants_product_id ON catalog_service.product_variants (product_id);
CREATE INDEX IF NOT EXISTS idx_product_media_product_id_sort_order ON catalog_service.product_media (product_id, sort_order);
CREATE INDEX IF NOT EXISTS idx_product_reviews_product_id_status ON catalog_service.product_reviews (product_id, status);

-- at most one primary image/video per product
CREATE UNIQUE INDEX IF NOT EXISTS uq_product_media_product_id_primary
    ON catalog_service.product_media (product_id) WHERE is_primary;
