-- restores the column with its definition, but at the end of the table: only its position differs
ALTER TABLE accounts ADD COLUMN legacy_code text;
