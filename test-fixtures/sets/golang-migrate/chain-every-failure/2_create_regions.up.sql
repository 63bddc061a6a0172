CREATE TABLE regions (
    id bigint GENERATED ALWAYS AS IDENTITY,
    code text NOT NULL,
    CONSTRAINT pk_regions PRIMARY KEY (id)
);
