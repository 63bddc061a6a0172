-- Restore full_name: rows whose first/last name still match the V3 split keep their original
-- full_name untouched; rows created or renamed after V3 get it rebuilt from first_name/last_name.
UPDATE customer_service.customers
   SET full_name = left(first_name || coalesce(' ' || last_name, ''), 200)
 WHERE full_name IS NULL
    OR first_name IS DISTINCT FROM left(split_part(btrim(full_name), ' ', 1), 100)
    OR last_name IS DISTINCT FROM left(nullif(btrim(substr(btrim(full_name), length(split_part(btrim(full_name), ' ', 1)) + 1)), ''), 100);

ALTER TABLE customer_service.customers ALTER COLUMN full_name SET NOT NULL;

ALTER TABLE customer_service.customers
    DROP COLUMN IF EXISTS last_name,
    DROP COLUMN IF EXISTS first_name;
