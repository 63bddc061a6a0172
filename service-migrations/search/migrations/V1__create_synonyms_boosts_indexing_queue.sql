-- Search service V1: query synonyms, merchandising boosts and the re-indexing queue.

CREATE TABLE search_service.search_synonyms (
    id               bigint GENERATED ALWAYS AS IDENTITY,
    locale           varchar(10)  NOT NULL DEFAULT 'en-US',
    term             varchar(200) NOT NULL,
    synonyms         text[]       NOT NULL,
    is_bidirectional boolean      NOT NULL DEFAULT true,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_search_synonyms PRIMARY KEY (id),
    CONSTRAINT uq_search_synonyms_locale_term UNIQUE (locale, term),
    CONSTRAINT chk_search_synonyms_not_empty CHECK (cardinality(synonyms) > 0)
);
COMMENT ON TABLE search_service.search_synonyms IS 'Synonym sets pushed to the search engine, e.g. headphones = headset, earphones.';

CREATE TABLE search_service.search_boosts (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    query_pattern varchar(200) NOT NULL,
    sku           varchar(64)  NOT NULL,
    boost         numeric(6,3) NOT NULL DEFAULT 1,
    starts_at     timestamptz,
    ends_at       timestamptz,
    is_active     boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_search_boosts PRIMARY KEY (id),
    CONSTRAINT uq_search_boosts_query_pattern_sku UNIQUE (query_pattern, sku),
    CONSTRAINT chk_search_boosts_boost_positive CHECK (boost > 0),
    CONSTRAINT chk_search_boosts_period CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);
COMMENT ON TABLE search_service.search_boosts IS 'Merchandising rules raising (boost > 1) or burying (boost < 1) a SKU for matching queries.';

CREATE TABLE search_service.indexing_queue (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    entity_type  varchar(16) NOT NULL,
    entity_id    varchar(64) NOT NULL,
    operation    varchar(8)  NOT NULL,
    priority     smallint    NOT NULL DEFAULT 5,
    enqueued_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text,
    CONSTRAINT pk_indexing_queue PRIMARY KEY (id),
    CONSTRAINT chk_indexing_queue_entity_type CHECK (entity_type IN ('product', 'category', 'brand', 'content')),
    CONSTRAINT chk_indexing_queue_operation CHECK (operation IN ('upsert', 'delete'))
);
CREATE INDEX idx_indexing_queue_entity_type_entity_id ON search_service.indexing_queue (entity_type, entity_id);
COMMENT ON TABLE search_service.indexing_queue IS 'Entities waiting to be (re)indexed or removed from the search index.';
