SET lock_timeout = '5s';
-- harness:allow data.rollback-loss the notes went with V2's DROP COLUMN and now live in the support tool: a rollback can only give the column back, empty
ALTER TABLE orders ADD COLUMN legacy_note text;
