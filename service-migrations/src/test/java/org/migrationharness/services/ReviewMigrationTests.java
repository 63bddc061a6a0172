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

/** Review V3: reviews.moderated_at is backfilled with the time of the review's latest moderation decision. */
@MigrationTest(service = "review")
class ReviewMigrationTests {

    private static final String SCHEMA = "review_service";

    @Test
    void should_backfill_moderated_at_with_the_latest_moderation_decision(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertReviews(database);

        migrator.migrateTo("3");

        assertThat(database.query("""
                SELECT title, state::text AS state,
                       to_char(moderated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS moderated_at
                  FROM review_service.reviews ORDER BY title"""))
                .extracting(r -> r.get("title"), r -> r.get("state"), r -> r.get("moderated_at"))
                .containsExactly(
                        tuple("Great sound", "approved", "2025-03-02 09:30:00"),
                        tuple("Stopped working", "rejected", "2025-03-05 16:45:10"),
                        tuple("Too early to say", "pending", null));
    }

    @Test
    void should_drop_moderated_at_and_keep_the_decisions_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo("2");
        insertReviews(database);
        migrator.migrateTo("3");

        migrator.undoTo("2");

        assertThat(database.columnNames(SCHEMA, "reviews")).doesNotContain("moderated_at");
        assertThat(database.queryForObject(Long.class, "SELECT count(*) FROM review_service.moderation_decisions"))
                .isEqualTo(4L);
    }

    @Test
    void should_have_nullable_moderated_at_and_the_moderation_state_enum(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema).hasEnum("moderation_state", "pending", "approved", "rejected", "flagged");
        SchemaAssertions.assertThat(schema).table("reviews").column("moderated_at")
                .hasType("timestamp with time zone").isNullable().hasNoDefault();
    }

    /**
     * "Great sound" was flagged, then approved (the later decision wins, although it was inserted first); "Stopped
     * working" was rejected once; "Too early to say" is still pending without any decision.
     */
    private static void insertReviews(Database database) {
        database.execute("""
                INSERT INTO review_service.reviews (id, product_id, customer_id, order_id, rating, title, body, state,
                                                    is_verified_purchase, locale)
                VALUES ('6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01', 'HP-BLK', '7b2f3c4d-5e6f-4a70-8b9c-0d1e2f3a4b01', 'ord-1',
                        5, 'Great sound', 'Crisp highs, deep bass.', 'approved', true, 'en-US'),
                       ('6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a02', 'HP-BLK', '7b2f3c4d-5e6f-4a70-8b9c-0d1e2f3a4b02', NULL,
                        1, 'Stopped working', 'Broke after a day. Call me at +1 555 0100!', 'rejected', false, 'en-US'),
                       ('6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a03', 'CBL-USB', '7b2f3c4d-5e6f-4a70-8b9c-0d1e2f3a4b01', 'ord-1',
                        4, 'Too early to say', NULL, 'pending', true, NULL)
                """);
        database.execute("""
                INSERT INTO review_service.moderation_decisions (review_id, moderator_id, decision, reason_code, decided_at)
                VALUES ('6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01', '9d3e4f50-6a7b-4c8d-9e0f-1a2b3c4d5e01', 'approve', NULL,
                        '2025-03-02 10:30:00+01'),
                       ('6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01', NULL, 'flag', 'profanity_filter', '2025-03-01 08:00:00+00'),
                       ('6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a01', NULL, 'flag', 'link_filter', '2025-02-28 23:59:59+00'),
                       ('6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a02', '9d3e4f50-6a7b-4c8d-9e0f-1a2b3c4d5e01', 'reject',
                        'contact_details', '2025-03-05 16:45:10+00')
                """);
    }
}
