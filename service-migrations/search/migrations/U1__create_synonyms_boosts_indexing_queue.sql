DROP TABLE IF EXISTS search_service.indexing_queue;
DROP TABLE IF EXISTS search_service.search_boosts;
DROP TABLE IF EXISTS search_service.search_synonyms;
