-- Put revenue back into the JSON document, then drop the column.
UPDATE analytics_service.events
   SET properties = properties || jsonb_build_object('revenue', revenue)
 WHERE revenue IS NOT NULL;

ALTER TABLE analytics_service.events DROP COLUMN IF EXISTS revenue;
