-- V6 (data migration): materialise the category hierarchy as a slug path
-- ('electronics/audio/headphones') and a depth (root = 0), backfilled from parent_id.

ALTER TABLE catalog_service.categories
    ADD COLUMN path  text,
    ADD COLUMN depth integer;

WITH RECURSIVE tree (id, path, depth) AS (
    SELECT c.id, c.slug, 0
      FROM catalog_service.categories c
     WHERE c.parent_id IS NULL
    UNION ALL
    SELECT c.id, tree.path || '/' || c.slug, tree.depth + 1
      FROM catalog_service.categories c
      JOIN tree ON c.parent_id = tree.id
     WHERE tree.depth < 32
)
UPDATE catalog_service.categories c
   SET path = tree.path,
       depth = tree.depth
  FROM tree
 WHERE c.id = tree.id;

ALTER TABLE catalog_service.categories
    ADD CONSTRAINT chk_categories_depth CHECK (depth >= 0);
CREATE INDEX IF NOT EXISTS idx_categories_path ON catalog_service.categories (path text_pattern_ops);
COMMENT ON COLUMN catalog_service.categories.path IS 'Slash separated slugs from the root category, e.g. electronics/audio/headphones.';
COMMENT ON COLUMN catalog_service.categories.depth IS 'Distance from the root category (root = 0).';
