-- reverses V2: right on its own, but U3 leaves customers.region_id behind,
-- whose foreign key still points here in a real rollback
DROP TABLE regions;
