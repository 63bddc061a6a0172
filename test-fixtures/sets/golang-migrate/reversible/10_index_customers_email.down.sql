DROP INDEX CONCURRENTLY idx_customers_email;
