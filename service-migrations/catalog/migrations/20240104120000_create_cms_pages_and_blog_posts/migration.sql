-- V4: CMS pages and blog posts (Prisma models Page and BlogPost).

CREATE TABLE catalog_service.pages (
    id               text NOT NULL,
    title            text NOT NULL,
    slug             text NOT NULL,
    content          text NOT NULL,
    excerpt          text,
    meta_title       text,
    meta_description text,
    meta_keywords    text,
    status           catalog_service.page_status NOT NULL DEFAULT 'DRAFT',
    is_visible       boolean NOT NULL DEFAULT false,
    created_at       timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       timestamp(3) without time zone NOT NULL,
    published_at     timestamp(3) without time zone,
    created_by       text NOT NULL,
    updated_by       text,
    CONSTRAINT pk_pages PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uq_pages_slug ON catalog_service.pages (slug);
COMMENT ON TABLE catalog_service.pages IS 'CMS pages (about us, terms, ...) with rich text content (Prisma model Page).';

CREATE TABLE catalog_service.blog_posts (
    id               text NOT NULL,
    title            text NOT NULL,
    slug             text NOT NULL,
    content          text NOT NULL,
    excerpt          text,
    featured_image   text,
    meta_title       text,
    meta_description text,
    meta_keywords    text,
    tags             text[] DEFAULT ARRAY[]::text[],
    status           catalog_service.post_status NOT NULL DEFAULT 'DRAFT',
    is_visible       boolean NOT NULL DEFAULT false,
    is_featured      boolean NOT NULL DEFAULT false,
    created_at       timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       timestamp(3) without time zone NOT NULL,
    published_at     timestamp(3) without time zone,
    created_by       text NOT NULL,
    updated_by       text,
    CONSTRAINT pk_blog_posts PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uq_blog_posts_slug ON catalog_service.blog_posts (slug);
COMMENT ON TABLE catalog_service.blog_posts IS 'Blog posts with tags (Prisma model BlogPost).';
