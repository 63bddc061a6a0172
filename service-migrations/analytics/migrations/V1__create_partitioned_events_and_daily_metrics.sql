-- Analytics service V1: the raw event stream, range-partitioned by month on occurred_at,
-- plus daily per-product rollups and the ingestion batch log.

CREATE TABLE analytics_service.events (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    event_type  varchar(64) NOT NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    session_id  varchar(64),
    customer_id uuid,
    product_id  varchar(64),
    source      varchar(16) NOT NULL,
    properties  jsonb       NOT NULL DEFAULT '{}',
    CONSTRAINT pk_events PRIMARY KEY (id, occurred_at),
    CONSTRAINT chk_events_event_type_format CHECK (event_type ~ '^[a-z][a-z0-9_]*$')
) PARTITION BY RANGE (occurred_at);
COMMENT ON TABLE analytics_service.events IS 'Raw storefront events (page_view, add_to_cart, order_completed, ...), one partition per month.';

CREATE TABLE analytics_service.events_2025_01 PARTITION OF analytics_service.events
    FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2025-02-01 00:00:00+00');
CREATE TABLE analytics_service.events_2025_02 PARTITION OF analytics_service.events
    FOR VALUES FROM ('2025-02-01 00:00:00+00') TO ('2025-03-01 00:00:00+00');
CREATE TABLE analytics_service.events_2025_03 PARTITION OF analytics_service.events
    FOR VALUES FROM ('2025-03-01 00:00:00+00') TO ('2025-04-01 00:00:00+00');
CREATE TABLE analytics_service.events_default PARTITION OF analytics_service.events DEFAULT;
COMMENT ON TABLE analytics_service.events_default IS 'Catch-all partition for events outside the monthly partitions.';

CREATE INDEX idx_events_event_type_occurred_at ON analytics_service.events (event_type, occurred_at);
CREATE INDEX idx_events_customer_id ON analytics_service.events (customer_id) WHERE customer_id IS NOT NULL;

CREATE TABLE analytics_service.daily_product_metrics (
    metric_date  date        NOT NULL,
    product_id   varchar(64) NOT NULL,
    views        integer     NOT NULL DEFAULT 0,
    add_to_carts integer     NOT NULL DEFAULT 0,
    purchases    integer     NOT NULL DEFAULT 0,
    CONSTRAINT pk_daily_product_metrics PRIMARY KEY (metric_date, product_id),
    CONSTRAINT chk_daily_product_metrics_counts CHECK (views >= 0 AND add_to_carts >= 0 AND purchases >= 0)
);
COMMENT ON TABLE analytics_service.daily_product_metrics IS 'Per product and day funnel counts, rolled up from events.';

CREATE TABLE analytics_service.ingestion_batches (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    source      varchar(16) NOT NULL,
    event_count integer     NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    CONSTRAINT pk_ingestion_batches PRIMARY KEY (id),
    CONSTRAINT chk_ingestion_batches_event_count CHECK (event_count >= 0)
);
COMMENT ON TABLE analytics_service.ingestion_batches IS 'One row per batch loaded from the event collector.';
