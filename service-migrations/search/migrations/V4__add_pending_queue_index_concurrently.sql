CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_indexing_queue_priority_enqueued_at ON search_service.indexing_queue (priority, enqueued_at) WHERE processed_at IS NULL;
