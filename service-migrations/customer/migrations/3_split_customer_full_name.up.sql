-- V3 (data migration): split full_name into first_name / last_name.
-- full_name is kept (still written by older service versions) but becomes nullable.

ALTER TABLE customer_service.customers
    ADD COLUMN first_name varchar(100),
    ADD COLUMN last_name  varchar(100);

UPDATE customer_service.customers
   SET first_name = left(split_part(btrim(full_name), ' ', 1), 100),
       last_name  = left(nullif(btrim(substr(btrim(full_name), length(split_part(btrim(full_name), ' ', 1)) + 1)), ''), 100);

ALTER TABLE customer_service.customers
    ALTER COLUMN first_name SET NOT NULL,
    ALTER COLUMN full_name DROP NOT NULL;

COMMENT ON COLUMN customer_service.customers.first_name IS 'Given name (first word of the former full_name).';
COMMENT ON COLUMN customer_service.customers.last_name IS 'Family name (rest of the former full_name), NULL for single-word names.';
