-- April rows move back to the default partition before the April partition is dropped.
ALTER TABLE analytics_service.events DETACH PARTITION analytics_service.events_2025_04;
INSERT INTO analytics_service.events SELECT * FROM analytics_service.events_2025_04;
DROP TABLE analytics_service.events_2025_04;

ALTER TABLE analytics_service.events ALTER COLUMN source DROP DEFAULT;
ALTER TABLE analytics_service.events DROP CONSTRAINT IF EXISTS chk_events_device_type;
ALTER TABLE analytics_service.events DROP COLUMN IF EXISTS device_type;
