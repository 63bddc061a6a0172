-- in a sub-folder: Flyway reads sub-folders too
ALTER TABLE accounts ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
