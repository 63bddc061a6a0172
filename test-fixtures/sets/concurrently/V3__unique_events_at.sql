CREATE UNIQUE INDEX CONCURRENTLY uq_events_kind_at ON events (kind, at);
