-- path and depth are derived from parent_id, which V6 never changed: dropping them restores the data.
DROP INDEX IF EXISTS catalog_service.idx_categories_path;
ALTER TABLE catalog_service.categories DROP CONSTRAINT IF EXISTS chk_categories_depth;
ALTER TABLE catalog_service.categories
    DROP COLUMN IF EXISTS depth,
    DROP COLUMN IF EXISTS path;
