ALTER TABLE orders ADD COLUMN legacy_note text;
