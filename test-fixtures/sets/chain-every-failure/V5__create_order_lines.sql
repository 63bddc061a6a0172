CREATE TABLE order_lines (
    id bigint GENERATED ALWAYS AS IDENTITY,
    product_id bigint NOT NULL,
    quantity integer NOT NULL,
    CONSTRAINT pk_order_lines PRIMARY KEY (id),
    CONSTRAINT fk_order_lines_product FOREIGN KEY (product_id) REFERENCES products (id)
);
