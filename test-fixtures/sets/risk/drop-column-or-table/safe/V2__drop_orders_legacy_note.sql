-- notes moved to the support tool; the release before this one stopped reading and writing the column
SET lock_timeout = '5s';
-- harness:allow lint.drop-column-or-table no deployed code uses legacy_note since release 2026.11 (ignored by the ORM)
ALTER TABLE orders DROP COLUMN legacy_note;
