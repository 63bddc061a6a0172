-- a column name is missing before the semicolon: psql says "at or near ;" (line 3, column 16)
ALTER TABLE accounts DROP COLUMN phone,
    DROP COLUMN;
