-- only undoes the default; the column stays, so V2's IF NOT EXISTS skips it the second time
ALTER TABLE accounts ALTER COLUMN note DROP DEFAULT;
