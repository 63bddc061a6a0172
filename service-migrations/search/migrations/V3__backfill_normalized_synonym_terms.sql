-- V3 (data migration): add term_normalized (lower case, trimmed, single spaces), backfilled from
-- term, used for case-insensitive lookups of synonym sets.

ALTER TABLE search_service.search_synonyms ADD COLUMN term_normalized varchar(200);

UPDATE search_service.search_synonyms
   SET term_normalized = lower(regexp_replace(btrim(term), '\s+', ' ', 'g'));

ALTER TABLE search_service.search_synonyms ALTER COLUMN term_normalized SET NOT NULL;
CREATE INDEX IF NOT EXISTS idx_search_synonyms_locale_term_normalized
    ON search_service.search_synonyms (locale, term_normalized);
COMMENT ON COLUMN search_service.search_synonyms.term_normalized IS 'lower(term) with collapsed whitespace.';
