-- V2: products and their variants (Prisma models Product and ProductVariant).

CREATE TABLE catalog_service.products (
    id               text         NOT NULL,
    sku              text         NOT NULL,
    name             text         NOT NULL,
    description      text,
    slug             text         NOT NULL,
    category_id      text         NOT NULL,
    brand_id         text         NOT NULL,
    attributes       jsonb        NOT NULL DEFAULT '{}',
    meta_title       text,
    meta_description text,
    meta_keywords    text,
    status           catalog_service.product_status NOT NULL DEFAULT 'DRAFT',
    is_visible       boolean      NOT NULL DEFAULT false,
    is_featured      boolean      NOT NULL DEFAULT false,
    created_at       timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       timestamp(3) without time zone NOT NULL,
    published_at     timestamp(3) without time zone,
    created_by       text         NOT NULL,
    updated_by       text,
    CONSTRAINT pk_products PRIMARY KEY (id),
    CONSTRAINT fk_products_categories FOREIGN KEY (category_id)
        REFERENCES catalog_service.categories (id) ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT fk_products_brands FOREIGN KEY (brand_id)
        REFERENCES catalog_service.brands (id) ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX uq_products_sku ON catalog_service.products (sku);
CREATE UNIQUE INDEX uq_products_slug ON catalog_service.products (slug);
COMMENT ON TABLE catalog_service.products IS 'Sellable products; prices live in the pricing service (Prisma model Product).';
COMMENT ON COLUMN catalog_service.products.attributes IS 'Free-form product attributes (color, connectivity, weight, ...).';

CREATE TABLE catalog_service.product_variants (
    id         text          NOT NULL,
    product_id text          NOT NULL,
    sku        text          NOT NULL,
    name       text          NOT NULL,
    attributes jsonb         NOT NULL DEFAULT '{}',
    base_price numeric(10,2) NOT NULL,
    is_active  boolean       NOT NULL DEFAULT true,
    created_at timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamp(3) without time zone NOT NULL,
    CONSTRAINT pk_product_variants PRIMARY KEY (id),
    CONSTRAINT fk_product_variants_products FOREIGN KEY (product_id)
        REFERENCES catalog_service.products (id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX uq_product_variants_sku ON catalog_service.product_variants (sku);
COMMENT ON TABLE catalog_service.product_variants IS 'Variants (color, size, ...) of a product with their base price (Prisma model ProductVariant).';
