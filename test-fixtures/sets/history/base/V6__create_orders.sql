CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY,
    account_id bigint NOT NULL,
    CONSTRAINT pk_orders PRIMARY KEY (id),
    CONSTRAINT fk_orders_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);
