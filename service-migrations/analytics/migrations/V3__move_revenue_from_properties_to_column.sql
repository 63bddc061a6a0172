-- V3 (data migration): the numeric "revenue" entry of events.properties moves into its own
-- column (and is removed from the JSON document).

ALTER TABLE analytics_service.events ADD COLUMN revenue numeric;

UPDATE analytics_service.events
   SET revenue    = (properties ->> 'revenue')::numeric,
       properties = properties - 'revenue'
 WHERE jsonb_typeof(properties -> 'revenue') = 'number';

COMMENT ON COLUMN analytics_service.events.revenue IS 'Order revenue in the order currency (order_completed events), formerly properties.revenue.';
