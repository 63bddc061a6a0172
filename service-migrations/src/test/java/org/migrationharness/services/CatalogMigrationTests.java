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

/**
 * Catalog 20240106120000_backfill_category_path_and_depth (Prisma Migrate; the Flyway V6 before): categories.path and
 * categories.depth are backfilled from the parent hierarchy.
 */
@MigrationTest(service = "catalog")
class CatalogMigrationTests {

    private static final String SCHEMA = "catalog_service";

    /** 20240105120000_add_review_rating_and_price_checks_and_fk_indexes, the migration before the backfill. */
    private static final String BEFORE_BACKFILL = "20240105120000";

    /** 20240106120000_backfill_category_path_and_depth. */
    private static final String BACKFILL = "20240106120000";

    @Test
    void should_backfill_category_path_and_depth_from_the_parent_hierarchy(Migrator migrator, Database database) {
        migrator.migrateTo(BEFORE_BACKFILL);
        insertCategoryTree(database);

        migrator.migrateTo(BACKFILL);

        assertThat(database.query("SELECT id, path, depth FROM catalog_service.categories ORDER BY id"))
                .extracting(r -> r.get("id"), r -> r.get("path"), r -> r.get("depth"))
                .containsExactly(
                        tuple("cat-audio", "electronics/audio", 1),
                        tuple("cat-books", "books", 0),
                        tuple("cat-electronics", "electronics", 0),
                        tuple("cat-headphones", "electronics/audio/headphones", 2),
                        tuple("cat-in-ear", "electronics/audio/headphones/in-ear", 3),
                        tuple("cat-novels", "books/novels", 1));
    }

    @Test
    void should_drop_path_and_depth_and_keep_the_hierarchy_when_undone(Migrator migrator, Database database) {
        migrator.migrateTo(BEFORE_BACKFILL);
        insertCategoryTree(database);
        migrator.migrateTo(BACKFILL);

        migrator.undoTo(BEFORE_BACKFILL);

        assertThat(database.columnNames(SCHEMA, "categories")).doesNotContain("path", "depth");
        assertThat(database.query("SELECT id, parent_id FROM catalog_service.categories ORDER BY id"))
                .extracting(r -> r.get("id"), r -> r.get("parent_id"))
                .containsExactly(
                        tuple("cat-audio", "cat-electronics"),
                        tuple("cat-books", null),
                        tuple("cat-electronics", null),
                        tuple("cat-headphones", "cat-audio"),
                        tuple("cat-in-ear", "cat-headphones"),
                        tuple("cat-novels", "cat-books"));
    }

    @Test
    void should_have_category_path_index_and_product_status_enum(Migrator migrator, Database database) {
        migrator.migrateAll();
        SchemaSnapshot schema = SchemaReader.read(database, List.of(SCHEMA), migrator.bookkeepingTables());

        SchemaAssertions.assertThat(schema)
                .hasEnum("product_status", "DRAFT", "ACTIVE", "INACTIVE", "DISCONTINUED");
        SchemaAssertions.assertThat(schema).table("categories")
                .hasIndex("idx_categories_path")
                .column("path").hasType("text").isNullable();
        SchemaAssertions.assertThat(schema).table("categories").column("depth").hasType("integer");
    }

    /** Children are inserted before their parents where the FK allows it, so the backfill cannot rely on row order. */
    private static void insertCategoryTree(Database database) {
        database.execute("""
                INSERT INTO catalog_service.categories (id, name, slug, parent_id, sort_order, updated_at) VALUES
                    ('cat-electronics', 'Electronics', 'electronics', NULL, 1, now()),
                    ('cat-books', 'Books', 'books', NULL, 2, now())
                """);
        database.execute("""
                INSERT INTO catalog_service.categories (id, name, slug, parent_id, updated_at) VALUES
                    ('cat-audio', 'Audio', 'audio', 'cat-electronics', now()),
                    ('cat-novels', 'Novels', 'novels', 'cat-books', now())
                """);
        database.execute("""
                INSERT INTO catalog_service.categories (id, name, slug, parent_id, updated_at) VALUES
                    ('cat-headphones', 'Headphones', 'headphones', 'cat-audio', now())
                """);
        database.execute("""
                INSERT INTO catalog_service.categories (id, name, slug, parent_id, updated_at) VALUES
                    ('cat-in-ear', 'In-ear headphones', 'in-ear', 'cat-headphones', now())
                """);
    }
}
