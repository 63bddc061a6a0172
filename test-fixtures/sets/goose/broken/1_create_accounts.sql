-- +goose Up
CREATE TABLE accounts (
    id bigserial PRIMARY KEY
);

-- +goose Down
DROP TABLE accounts;
