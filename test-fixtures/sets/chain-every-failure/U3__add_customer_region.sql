-- partial: drops the index, forgets the column and its foreign key
DROP INDEX idx_customers_region;
