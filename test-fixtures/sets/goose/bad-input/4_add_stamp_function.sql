-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION account_stamp() RETURNS trigger AS $$
BEGIN
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- +goose Down
DROP FUNCTION account_stamp();
