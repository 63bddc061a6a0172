-- V2: device type on events (added to every partition), web as the default source,
-- and the partition for April 2025 (April rows already in the default partition move into it).

ALTER TABLE analytics_service.events ADD COLUMN device_type varchar(16);
ALTER TABLE analytics_service.events
    ADD CONSTRAINT chk_events_device_type CHECK (device_type IN ('desktop', 'mobile', 'tablet', 'app', 'other'));
ALTER TABLE analytics_service.events ALTER COLUMN source SET DEFAULT 'web';

CREATE TEMPORARY TABLE events_2025_04_pending AS
    SELECT * FROM analytics_service.events_default
     WHERE occurred_at >= '2025-04-01 00:00:00+00' AND occurred_at < '2025-05-01 00:00:00+00';
DELETE FROM analytics_service.events_default
 WHERE occurred_at >= '2025-04-01 00:00:00+00' AND occurred_at < '2025-05-01 00:00:00+00';

CREATE TABLE analytics_service.events_2025_04 PARTITION OF analytics_service.events
    FOR VALUES FROM ('2025-04-01 00:00:00+00') TO ('2025-05-01 00:00:00+00');

INSERT INTO analytics_service.events SELECT * FROM events_2025_04_pending;
DROP TABLE events_2025_04_pending;
