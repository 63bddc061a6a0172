DROP TABLE IF EXISTS analytics_service.ingestion_batches;
DROP TABLE IF EXISTS analytics_service.daily_product_metrics;
DROP TABLE IF EXISTS analytics_service.events;
