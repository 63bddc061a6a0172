ALTER TABLE accounts DROP COLUMN closed_at;
-- drops a column V2 created
ALTER TABLE accounts DROP COLUMN note;
