ALTER TABLE search_service.indexing_queue
    DROP CONSTRAINT IF EXISTS chk_indexing_queue_lease,
    DROP CONSTRAINT IF EXISTS chk_indexing_queue_priority;
ALTER TABLE search_service.indexing_queue ALTER COLUMN priority SET DEFAULT 5;
ALTER TABLE search_service.indexing_queue
    DROP COLUMN IF EXISTS locked_at,
    DROP COLUMN IF EXISTS locked_by;
