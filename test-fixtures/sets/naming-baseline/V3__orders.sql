CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_orders PRIMARY KEY,
    user_id bigint NOT NULL CONSTRAINT fk_orders_users REFERENCES "Users" (id),
    "order" integer NOT NULL DEFAULT 0
);
