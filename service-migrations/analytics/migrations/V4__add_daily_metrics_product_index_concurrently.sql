CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_daily_product_metrics_product_id_metric_date ON analytics_service.daily_product_metrics (product_id, metric_date DESC);
