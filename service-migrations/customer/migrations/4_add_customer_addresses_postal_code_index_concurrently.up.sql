CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_customer_addresses_country_code_postal_code ON customer_service.customer_addresses (country_code, postal_code);
