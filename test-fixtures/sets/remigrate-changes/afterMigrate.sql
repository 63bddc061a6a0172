-- a Flyway callback that runs after every migrate and stamps the schema: re-migrating is not a no-op
DO $$ BEGIN
  EXECUTE format('COMMENT ON TABLE accounts IS %L', 'migrated at ' || clock_timestamp());
END $$;
