ALTER TABLE accounts ADD COLUMN closed_at timestamptz;
