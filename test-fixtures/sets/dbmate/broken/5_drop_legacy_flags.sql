-- migrate:up
ALTER TABLE accounts DROP COLUMN IF EXISTS legacy_flags;

-- migrate:down
-- harness:irreversible the legacy flags are not recorded anywhere
