-- Catalog service (translated from the Prisma schema, catalog-service/prisma/schema.prisma)
-- V1: the five Prisma enums, brands and the category hierarchy.

CREATE TYPE catalog_service.product_status AS ENUM ('DRAFT', 'ACTIVE', 'INACTIVE', 'DISCONTINUED');
CREATE TYPE catalog_service.media_type AS ENUM ('IMAGE', 'VIDEO', 'DOCUMENT');
CREATE TYPE catalog_service.review_status AS ENUM ('PENDING', 'APPROVED', 'REJECTED');
CREATE TYPE catalog_service.page_status AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');
CREATE TYPE catalog_service.post_status AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

CREATE TABLE catalog_service.brands (
    id          text         NOT NULL,
    name        text         NOT NULL,
    slug        text         NOT NULL,
    description text,
    logo_url    text,
    website_url text,
    is_active   boolean      NOT NULL DEFAULT true,
    created_at  timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  timestamp(3) without time zone NOT NULL,
    CONSTRAINT pk_brands PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uq_brands_name ON catalog_service.brands (name);
CREATE UNIQUE INDEX uq_brands_slug ON catalog_service.brands (slug);
COMMENT ON TABLE catalog_service.brands IS 'Product brands (Prisma model Brand).';

CREATE TABLE catalog_service.categories (
    id               text         NOT NULL,
    name             text         NOT NULL,
    slug             text         NOT NULL,
    description      text,
    parent_id        text,
    meta_title       text,
    meta_description text,
    sort_order       integer      NOT NULL DEFAULT 0,
    is_visible       boolean      NOT NULL DEFAULT true,
    created_at       timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       timestamp(3) without time zone NOT NULL,
    CONSTRAINT pk_categories PRIMARY KEY (id),
    CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id)
        REFERENCES catalog_service.categories (id) ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX uq_categories_slug ON catalog_service.categories (slug);
COMMENT ON TABLE catalog_service.categories IS 'Product categories; parent_id forms the CategoryHierarchy tree (Prisma model Category).';
