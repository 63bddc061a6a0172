-- migrate:up
CREATE TABLE accounts (id bigserial PRIMARY KEY);

-- migrate:down
DROP TABLE accounts;
