-- term_normalized is derived from term, which V3 did not change.
DROP INDEX IF EXISTS search_service.idx_search_synonyms_locale_term_normalized;
ALTER TABLE search_service.search_synonyms DROP COLUMN IF EXISTS term_normalized;
