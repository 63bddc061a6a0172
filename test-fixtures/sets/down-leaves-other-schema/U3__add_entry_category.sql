-- keeps the data in a schema of its own, which nothing drops
CREATE SCHEMA archive;
CREATE TABLE archive.entry_categories AS SELECT id, category FROM ledger.entries;
ALTER TABLE ledger.entries DROP COLUMN category;
