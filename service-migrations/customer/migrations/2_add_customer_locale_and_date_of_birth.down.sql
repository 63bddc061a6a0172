ALTER TABLE customer_service.customer_addresses ALTER COLUMN country_code DROP DEFAULT;

ALTER TABLE customer_service.customers
    DROP CONSTRAINT IF EXISTS chk_customers_phone_e164,
    DROP CONSTRAINT IF EXISTS chk_customers_date_of_birth;

ALTER TABLE customer_service.customers
    DROP COLUMN IF EXISTS date_of_birth,
    DROP COLUMN IF EXISTS preferred_locale;
