-- restores the column at the end of the table, and as text instead of varchar(32)
ALTER TABLE accounts ADD COLUMN phone text;
