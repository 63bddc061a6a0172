CREATE TABLE t (id int);

-- a typo on line 4
INSERT INTO tt VALUES (1);
