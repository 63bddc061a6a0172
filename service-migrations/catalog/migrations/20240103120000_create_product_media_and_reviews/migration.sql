-- V3: product media and product reviews (Prisma models ProductMedia and ProductReview).

CREATE TABLE catalog_service.product_media (
    id         text    NOT NULL,
    product_id text    NOT NULL,
    type       catalog_service.media_type NOT NULL,
    url        text    NOT NULL,
    alt_text   text,
    title      text,
    sort_order integer NOT NULL DEFAULT 0,
    is_primary boolean NOT NULL DEFAULT false,
    created_at timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamp(3) without time zone NOT NULL,
    CONSTRAINT pk_product_media PRIMARY KEY (id),
    CONSTRAINT fk_product_media_products FOREIGN KEY (product_id)
        REFERENCES catalog_service.products (id) ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON TABLE catalog_service.product_media IS 'Images, videos and documents attached to a product (Prisma model ProductMedia).';

CREATE TABLE catalog_service.product_reviews (
    id          text     NOT NULL,
    product_id  text     NOT NULL,
    customer_id text     NOT NULL,
    rating      smallint NOT NULL,
    title       text,
    content     text,
    status      catalog_service.review_status NOT NULL DEFAULT 'PENDING',
    created_at  timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  timestamp(3) without time zone NOT NULL,
    CONSTRAINT pk_product_reviews PRIMARY KEY (id),
    CONSTRAINT fk_product_reviews_products FOREIGN KEY (product_id)
        REFERENCES catalog_service.products (id) ON DELETE CASCADE ON UPDATE CASCADE
);
COMMENT ON TABLE catalog_service.product_reviews IS 'Customer reviews shown on product pages (Prisma model ProductReview).';
COMMENT ON COLUMN catalog_service.product_reviews.rating IS '1-5 stars.';
