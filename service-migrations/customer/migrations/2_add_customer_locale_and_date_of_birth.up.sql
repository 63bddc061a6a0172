-- V2: locale for transactional e-mails, optional date of birth, E.164 phone check,
-- and new addresses default to country US.

ALTER TABLE customer_service.customers
    ADD COLUMN preferred_locale varchar(10) NOT NULL DEFAULT 'en-US',
    ADD COLUMN date_of_birth date;

ALTER TABLE customer_service.customers
    ADD CONSTRAINT chk_customers_date_of_birth CHECK (date_of_birth IS NULL OR date_of_birth > DATE '1900-01-01'),
    ADD CONSTRAINT chk_customers_phone_e164 CHECK (phone IS NULL OR phone ~ '^\+[1-9][0-9]{6,14}$');

ALTER TABLE customer_service.customer_addresses ALTER COLUMN country_code SET DEFAULT 'US';

COMMENT ON COLUMN customer_service.customers.preferred_locale IS 'BCP 47 language tag used for e-mails, e.g. en-US.';
