-- Raw storefront events across the monthly partitions (and the default one). Events have no natural key besides
-- their id, so the ids are fixed and a second load skips them: ON CONFLICT DO NOTHING on pk_events (id, occurred_at).
INSERT INTO events (id, event_type, occurred_at, received_at, session_id, customer_id, product_id, source, device_type, properties, revenue)
VALUES
    ('6b1c0a3e-0001-4a00-8000-000000000001', 'page_view',       '2025-01-20T10:00:00Z', '2025-01-20T10:00:01Z', 'sess-ada-1',   '0f8fad5b-d9cb-469f-a165-70867728950e', 'SKU-EARBUDS-001',    'web', 'desktop', '{"path": "/p/true-wireless-earbuds"}', NULL),
    ('6b1c0a3e-0001-4a00-8000-000000000002', 'add_to_cart',     '2025-02-01T11:55:00Z', '2025-02-01T11:55:01Z', 'sess-ada-2',   '0f8fad5b-d9cb-469f-a165-70867728950e', 'SKU-EARBUDS-001',    'web', 'desktop', '{"quantity": 1}', NULL),
    ('6b1c0a3e-0001-4a00-8000-000000000003', 'order_completed', '2025-02-01T12:00:00Z', '2025-02-01T12:00:02Z', 'sess-ada-2',   '0f8fad5b-d9cb-469f-a165-70867728950e', NULL,                 'web', 'desktop', '{"orderId": "ord_dev_0001", "currency": "USD"}', 130.12),
    ('6b1c0a3e-0001-4a00-8000-000000000004', 'page_view',       '2025-02-03T09:20:00Z', '2025-02-03T09:20:00Z', 'sess-grace-1', '7c9e6679-7425-40de-944b-e07fc1f90ae7', 'SKU-HEADPHONES-001', 'app', 'app',     '{"screen": "product"}', NULL),
    ('6b1c0a3e-0001-4a00-8000-000000000005', 'order_completed', '2025-02-03T09:30:00Z', '2025-02-03T09:30:03Z', 'sess-grace-1', '7c9e6679-7425-40de-944b-e07fc1f90ae7', NULL,                 'app', 'app',     '{"orderId": "ord_dev_0002", "currency": "USD"}', 599.98),
    ('6b1c0a3e-0001-4a00-8000-000000000006', 'page_view',       '2025-03-14T16:00:00Z', '2025-03-14T16:00:00Z', 'sess-anon-1',  NULL,                                   'SKU-HEADPHONES-001', 'web', 'mobile',  '{"path": "/p/premium-wireless-headphones", "referrer": "search"}', NULL),
    ('6b1c0a3e-0001-4a00-8000-000000000007', 'search',          '2025-04-02T08:15:00Z', '2025-04-02T08:15:00Z', 'sess-anon-2',  NULL,                                   NULL,                 'web', 'tablet',  '{"query": "headphones", "results": 3}', NULL),
    ('6b1c0a3e-0001-4a00-8000-000000000008', 'page_view',       '2025-06-01T12:00:00Z', '2025-06-01T12:00:00Z', 'sess-linus-1', '9b2f4c1e-3d5a-4b8e-8f6a-2c7d1e0a5b34', 'SKU-EARBUDS-001',    'web', 'desktop', '{"path": "/de/p/true-wireless-earbuds"}', NULL)
ON CONFLICT DO NOTHING;
