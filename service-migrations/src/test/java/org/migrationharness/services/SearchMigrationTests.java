package org.migrationharness.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.migrationharness.apply.Migrator;
import org.migrationharness.assertions.SchemaAssertions;
import org.migrationharness.junit.MigrationTest;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;

/** Search V3: search_synonyms.term_normalized is backfilled with term lower-cased, trimmed, single-spaced. */
@MigrationTest(service = "search")
class SearchMigrationTests {

    private static final String SCHEMA = "search_service";

    @Test
    void should_backfill_normalized_terms_lower_cased_trimmed_and_single_spaced(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertSynonyms(database);

        migrator.migrateTo("3");

        assertThat(database.query("SELECT locale, term, term_normalized FROM search_service.search_synonyms ORDER BY id"))
                .extracting(r -> r.get("locale"), r -> r.get("term"), r -> r.get("term_normalized"))
                .containsExactly(
                        tuple("en-US", "  Wireless   Headphones ", "wireless headphones"),
                        tuple("en-US", "TV", "tv"),
                        tuple("en-US", "Smart\tWatch", "smart watch"),
                        tuple("de-DE", "Kopfhörer", "kopfhörer"),
                        tuple("en-US", "usb-c cable", "usb-c cable"));
    }

    @Test
    void should_drop_normalized_terms_and_keep_the_synonym_sets_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertSynonyms(database);
        migrator.migrateTo("3");

        migrator.undoTo("2");

        assertThat(database.columnNames(SCHEMA, "search_synonyms")).doesNotContain("term_normalized");
        assertThat(database.query("SELECT term, array_to_string(synonyms, '|') AS synonyms"
                + " FROM search_service.search_synonyms ORDER BY id"))
                .extracting(r -> r.get("term"), r -> r.get("synonyms"))
                .containsExactly(
                        tuple("  Wireless   Headphones ", "headset|earphones"),
                        tuple("TV", "television|telly"),
                        tuple("Smart\tWatch", "smartwatch"),
                        tuple("Kopfhörer", "Headset|Ohrhörer"),
                        tuple("usb-c cable", "type-c cable"));
        assertThat(database.queryForObject(Long.class, "SELECT count(*) FROM search_service.indexing_queue")).isEqualTo(2L);
    }

    @Test
    void should_have_mandatory_normalized_term_with_a_lookup_index(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).table("search_synonyms")
                .hasIndex("idx_search_synonyms_locale_term_normalized")
                .column("term_normalized").hasType("character varying(200)").isNotNull();
        SchemaAssertions.assertThat(schema).table("indexing_queue").column("priority").hasDefault("4");
    }

    /** The queue rows respect V2's lease check and the 0..9 priority range. */
    private static void insertSynonyms(Database database) {
        database.execute("""
                INSERT INTO search_service.search_synonyms (locale, term, synonyms, is_bidirectional) VALUES
                    ('en-US', '  Wireless   Headphones ', ARRAY['headset', 'earphones'], true),
                    ('en-US', 'TV', ARRAY['television', 'telly'], true),
                    ('en-US', E'Smart\\tWatch', ARRAY['smartwatch'], false),
                    ('de-DE', 'Kopfhörer', ARRAY['Headset', 'Ohrhörer'], true),
                    ('en-US', 'usb-c cable', ARRAY['type-c cable'], true)
                """);
        database.execute("""
                INSERT INTO search_service.indexing_queue (entity_type, entity_id, operation, priority, locked_by, locked_at)
                VALUES ('product', 'prod-1', 'upsert', 0, 'indexer-1', now()),
                       ('category', 'cat-audio', 'delete', 9, NULL, NULL)
                """);
    }
}
