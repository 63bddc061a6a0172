-- a repeatable that adds a column to a versioned table: it runs after the versions, so flags comes after name.
-- A rollback stops above V1 (irreversible) and keeps flags; V2 then adds name again, after flags.
-- Each step (versions only) passes; only the rollback chain's final comparison sees the difference.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS flags text[] NOT NULL DEFAULT '{}';
