DROP TRIGGER IF EXISTS trg_customer_addresses_set_updated_at ON customer_service.customer_addresses;
DROP TRIGGER IF EXISTS trg_customers_set_updated_at ON customer_service.customers;
DROP TABLE IF EXISTS customer_service.customer_addresses;
DROP TABLE IF EXISTS customer_service.customers;
DROP FUNCTION IF EXISTS customer_service.set_updated_at();
