-- The queue has no natural key (entity and operation may be queued many times), so this SQL seed queues the
-- development catalog only where the entity is not queued yet: loading it again inserts nothing.
INSERT INTO indexing_queue (entity_type, entity_id, operation, priority, enqueued_at)
SELECT v.entity_type, v.entity_id, v.operation, v.priority, v.enqueued_at::timestamptz
  FROM (VALUES ('product',  'SKU-HEADPHONES-001', 'upsert', 2, '2025-02-01T00:00:00Z'),
               ('product',  'SKU-EARBUDS-001',    'upsert', 2, '2025-02-01T00:00:00Z'),
               ('category', 'headphones',         'upsert', 4, '2025-02-01T00:00:00Z'),
               ('content',  'about-us',           'upsert', 6, '2025-02-01T00:00:00Z'),
               ('product',  'SKU-DISCONTINUED-9', 'delete', 1, '2025-02-01T00:00:00Z'))
       AS v (entity_type, entity_id, operation, priority, enqueued_at)
 WHERE NOT EXISTS (SELECT 1 FROM indexing_queue q
                    WHERE q.entity_type = v.entity_type AND q.entity_id = v.entity_id AND q.operation = v.operation);

-- one entry a worker holds right now
UPDATE indexing_queue
   SET locked_by = 'indexer-dev-1', locked_at = '2025-02-01T00:00:10Z', attempts = 1
 WHERE entity_type = 'product' AND entity_id = 'SKU-HEADPHONES-001' AND locked_by IS NULL;
