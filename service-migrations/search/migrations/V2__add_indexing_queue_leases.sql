-- V2: workers lease queue entries (locked_by / locked_at); priorities are bounded 0..9 and default to 4.

ALTER TABLE search_service.indexing_queue
    ADD COLUMN locked_by varchar(64),
    ADD COLUMN locked_at timestamptz;

ALTER TABLE search_service.indexing_queue ALTER COLUMN priority SET DEFAULT 4;
ALTER TABLE search_service.indexing_queue
    ADD CONSTRAINT chk_indexing_queue_priority CHECK (priority BETWEEN 0 AND 9),
    ADD CONSTRAINT chk_indexing_queue_lease CHECK ((locked_by IS NULL) = (locked_at IS NULL));

COMMENT ON COLUMN search_service.indexing_queue.locked_by IS 'Worker currently processing the entry (NULL when free).';
