-- +goose Up
ALTER TABLE accounts DROP COLUMN IF EXISTS legacy_flags;

-- +goose Down
-- harness:irreversible the legacy flags are not recorded anywhere
