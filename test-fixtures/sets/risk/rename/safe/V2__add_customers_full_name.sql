-- the name is the full name: the new column beside the old one, kept in step by a trigger while code that writes
-- either name is deployed; a job backfills the old rows, and a later release drops name
SET lock_timeout = '5s';
ALTER TABLE customers ADD COLUMN full_name text;
CREATE FUNCTION customers_sync_full_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.full_name := coalesce(NEW.full_name, NEW.name);
        NEW.name := coalesce(NEW.name, NEW.full_name);
    ELSIF NEW.full_name IS DISTINCT FROM OLD.full_name THEN
        NEW.name := NEW.full_name;
    ELSIF NEW.name IS DISTINCT FROM OLD.name THEN
        NEW.full_name := NEW.name;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER customers_sync_full_name BEFORE INSERT OR UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_sync_full_name();
