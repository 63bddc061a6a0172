package org.migrationharness.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.ShopSchema;
import org.migrationharness.testing.Sql;

@DisplayName("SeedLoader against a real PostgreSQL")
class SeedLoaderTests {

    static final String CATEGORIES = """
            table: categories
            key: [slug]
            rows:
              - {slug: headphones, name: Headphones, parent_id: {ref: categories, slug: audio}}
              - {slug: electronics, name: Electronics}
              - {slug: audio, name: Audio, parent_id: {ref: categories, slug: electronics}}
            """;
    static final String BRANDS = """
            {"table": "brands", "key": ["slug"], "rows": [
              {"slug": "audiotech", "name": "AudioTech"},
              {"slug": "techgear", "name": "TechGear"}
            ]}
            """;
    static final String PRODUCTS = """
            table: products
            key: [slug]
            rows:
              - slug: premium-wireless-headphones
                name: Premium Wireless Headphones
                category_id: {ref: categories, slug: headphones}
                brand_id: {ref: brands, slug: audiotech}
                price: 299.90
                attributes: {color: Black, noiseCancellation: true}
                tags: [audio, "wire\\"less"]
              - slug: true-wireless-earbuds
                name: True Wireless Earbuds
                category_id: {ref: categories, slug: headphones}
                brand_id: {ref: brands, slug: techgear}
                price: 149
            """;

    static ShopSchema shop;

    @TempDir
    Path dir;
    Path seeds;
    Database database;

    @BeforeAll
    static void migrate(@TempDir Path schemaDir) {
        shop = ShopSchema.create(schemaDir);
    }

    @BeforeEach
    void newDatabase() {
        database = shop.newDatabase();
        seeds = dir.resolve("seeds");
    }

    @AfterEach
    void dropDatabase() {
        shop.drop(database);
    }

    private MigrationFolder environment(String name) {
        return MigrationFolder.in(seeds.resolve(name));
    }

    private SeedResult load(String environment) {
        return SeedLoader.load(database, shop.set(), seeds, environment);
    }

    @Test
    void should_load_rows_in_foreign_key_order_whatever_the_file_order() {
        environment("development").file("10_products.yaml", PRODUCTS).file("20_categories.yaml", CATEGORIES)
                .file("30_brands.json", BRANDS);

        SeedResult result = load("development");

        assertThat(result.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("20_categories.yaml", "30_brands.json", "10_products.yaml");
        assertThat(result.perTable()).containsExactly(
                new TableCount("shop.categories", 3, 0, 0),
                new TableCount("shop.brands", 2, 0, 0),
                new TableCount("shop.products", 2, 0, 0));
        assertThat(Sql.column(database, "SELECT p.slug || ' ' || c.slug || ' ' || b.slug || ' ' || p.price FROM shop.products p"
                + " JOIN shop.categories c ON c.id = p.category_id JOIN shop.brands b ON b.id = p.brand_id ORDER BY p.slug"))
                .containsExactly("premium-wireless-headphones headphones audiotech 299.90",
                        "true-wireless-earbuds headphones techgear 149.00");
    }

    @Test
    void should_resolve_references_by_natural_key_parents_first_within_a_table() {
        environment("development").file("categories.yaml", CATEGORIES);

        load("development");

        assertThat(Sql.column(database, "SELECT c.slug || ' <- ' || coalesce(p.slug, '-') FROM shop.categories c"
                + " LEFT JOIN shop.categories p ON p.id = c.parent_id ORDER BY c.id"))
                .containsExactly("electronics <- -", "audio <- electronics", "headphones <- audio");
    }

    @Test
    void should_store_json_documents_arrays_and_sql_expressions() {
        environment("development").file("a.yaml", CATEGORIES).file("b.json", BRANDS).file("c.yaml", PRODUCTS);

        load("development");

        assertThat(Sql.column(database, "SELECT attributes::text || ' ' || tags::text FROM shop.products"
                + " WHERE slug = 'premium-wireless-headphones'"))
                .containsExactly("{\"color\": \"Black\", \"noiseCancellation\": true} {audio,\"wire\\\"less\"}");
    }

    @Test
    void should_load_common_first_for_every_environment() {
        MigrationFolder.in(seeds.resolve("common")).file("categories.yaml", CATEGORIES);
        environment("staging").file("brands.json", BRANDS).file("products.yaml", PRODUCTS);

        SeedResult result = load("staging");

        assertThat(result.files()).extracting(p -> p.getParent().getFileName() + "/" + p.getFileName())
                .containsExactly("common/categories.yaml", "staging/brands.json", "staging/products.yaml");
        assertThat(new SeedFolder(seeds).environments()).containsExactly("staging");
    }

    @Test
    void should_insert_nothing_on_a_second_load_and_count_the_rows_unchanged() {
        environment("development").file("a.yaml", CATEGORIES).file("b.json", BRANDS).file("c.yaml", PRODUCTS)
                .file("d.sql", "INSERT INTO notes (body) SELECT 'hello' WHERE NOT EXISTS (SELECT 1 FROM notes WHERE body = 'hello');\n");
        load("development");
        DataSnapshot before = DataSnapshot.of(database, List.of("shop"));

        SeedResult second = load("development");

        assertThat(second.inserted()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(7);
        assertThat(before.changesTo(DataSnapshot.of(database, List.of("shop")))).isEmpty();
    }

    @Test
    void should_leave_matched_rows_alone_unless_the_fixture_says_update() {
        environment("development").file("brands.json", BRANDS);
        load("development");
        Sql.execute(database, "UPDATE shop.brands SET name = 'Renamed by a developer' WHERE slug = 'audiotech'");

        assertThat(load("development").count("shop.brands")).isEqualTo(new TableCount("shop.brands", 0, 0, 2));
        assertThat(Sql.column(database, "SELECT name FROM shop.brands WHERE slug = 'audiotech'"))
                .containsExactly("Renamed by a developer");

        environment("development").file("brands.json", BRANDS.replace("\"key\": [\"slug\"],", "\"key\": [\"slug\"], \"update\": true,"));
        assertThat(load("development").count("shop.brands")).isEqualTo(new TableCount("shop.brands", 0, 1, 1));
        assertThat(Sql.column(database, "SELECT name FROM shop.brands WHERE slug = 'audiotech'")).containsExactly("AudioTech");
        assertThat(load("development").count("shop.brands")).isEqualTo(new TableCount("shop.brands", 0, 0, 2));
    }

    @Test
    void should_run_sql_seed_files_in_the_same_load_and_count_their_inserts() {
        environment("development").file("10_categories.yaml", CATEGORIES).file("20_notes.sql", """
                -- idempotent: the second load inserts nothing
                INSERT INTO notes (body)
                SELECT v FROM (VALUES ('first'), ('second')) AS t (v)
                 WHERE NOT EXISTS (SELECT 1 FROM notes);
                """);

        SeedResult result = load("development");

        assertThat(result.count("shop.notes")).isEqualTo(new TableCount("shop.notes", 2, 0, 0));
        assertThat(load("development").count("shop.notes")).isEqualTo(new TableCount("shop.notes", 0, 0, 0));
        assertThat(Sql.column(database, "SELECT count(*) FROM shop.notes")).containsExactly("2");
    }

    @Test
    void should_touch_no_table_in_a_dry_run_but_say_what_it_would_do() {
        environment("development").file("a.yaml", CATEGORIES).file("b.json", BRANDS).file("c.yaml", PRODUCTS);
        List<String> heard = new ArrayList<>();
        SeedListener listener = new SeedListener() {
            @Override
            public void fileFinished(Path file, List<TableCount> counts) {
                heard.add(file.getFileName() + " " + counts.get(0).inserted());
            }
        };

        SeedResult result = SeedLoader.load(database, shop.set(), seeds, "development",
                new SeedOptions(true, listener));

        assertThat(result.dryRun()).isTrue();
        assertThat(result.inserted()).isEqualTo(7);
        assertThat(heard).containsExactly("a.yaml 3", "b.json 2", "c.yaml 2");
        assertThat(Sql.column(database, "SELECT (SELECT count(*) FROM shop.categories) + (SELECT count(*) FROM shop.brands)"
                + " + (SELECT count(*) FROM shop.products)")).containsExactly("0");
    }

    @Test
    void should_roll_back_every_file_when_a_later_file_fails() {
        environment("development").file("10_categories.yaml", CATEGORIES).file("20_notes.sql", """
                INSERT INTO notes (body) VALUES ('kept only if everything loads');

                INSERT INTO notes (body) VALUES (NULL);
                """);

        assertThatThrownBy(() -> load("development"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith(display("development/20_notes.sql") + " line 3: ERROR: null value in column \"body\"")
                            .contains("(SQL state 23502)\nStatement: INSERT INTO notes (body) VALUES (NULL)")
                            .endsWith("Fix the statement; nothing of this load was kept.");
                });
        assertThat(Sql.column(database, "SELECT (SELECT count(*) FROM shop.categories) + (SELECT count(*) FROM shop.notes)"))
                .containsExactly("0");
    }

    @Test
    void should_name_the_file_the_row_and_the_fix_for_an_unknown_column() {
        environment("development").file("brands.yaml", """
                table: brands
                key: [slug]
                rows:
                  - slug: audiotech
                    name: AudioTech
                  - slug: techgear
                    nmae: TechGear
                """);

        assertThatThrownBy(() -> load("development"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.getMessage()).isEqualTo(display("development/brands.yaml")
                            + " row 2 (slug=techgear, line 6): unknown column 'nmae' in shop.brands.\n"
                            + "Its columns: id, slug, name.\n"
                            + "Fix the column's name in the fixture, or migrate the database if the column is new.");
                });
    }

    @Test
    void should_name_an_unknown_table_and_list_the_tables_of_the_schema() {
        environment("development").file("x.yaml", "table: brandz\nkey: [slug]\nrows: []\n");

        assertThatThrownBy(() -> load("development"))
                .isInstanceOf(HarnessException.class)
                .hasMessage(display("development/x.yaml") + ": 'table: brandz' names the unknown table shop.brandz.\n"
                        + "Tables in shop: brands, categories, flyway_schema_history, notes, players, products, teams.\n"
                        + "Fix the table's name, or migrate the database if the table is new.");
    }

    @Test
    void should_name_the_row_whose_reference_matches_no_row() {
        environment("development").file("a.yaml", CATEGORIES).file("b.json", BRANDS)
                .file("c.yaml", PRODUCTS.replace("slug: techgear", "slug: techgaer"));

        assertThatThrownBy(() -> load("development"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.getMessage()).isEqualTo(display("development/c.yaml")
                            + " row 2 (slug=true-wireless-earbuds, line 11): column brand_id refers to "
                            + "{ref: brands, slug: techgaer}, but shop.brands has no row with slug = techgaer.\n"
                            + "Add that row to a fixture of this environment or of common/ (it loads first whatever the "
                            + "file names), or fix the reference.");
                });
    }

    @Test
    void should_refuse_fixtures_that_refer_to_each_other_in_a_cycle() {
        environment("development")
                .file("players.yaml", "table: players\nkey: [slug]\nrows:\n  - {slug: ann, team_id: {ref: teams, slug: reds}}\n")
                .file("teams.yaml", "table: teams\nkey: [slug]\nrows:\n  - {slug: reds, captain_id: {ref: players, slug: ann}}\n");

        assertThatThrownBy(() -> load("development"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.getMessage()).startsWith("The row fixtures refer to each other in a cycle, so no order "
                            + "can load them: shop.players (players.yaml) -> shop.teams (teams.yaml) -> shop.players (players.yaml).\n"
                            + "Break the cycle:");
                });
    }

    @Test
    void should_report_the_row_the_server_rejects_with_its_message() {
        environment("development").file("a.yaml", CATEGORIES)
                .file("c.yaml", PRODUCTS.replace("price: 149", "price: -1").replace("brand_id: {ref: brands, slug: audiotech}", "")
                        .replace("brand_id: {ref: brands, slug: techgear}", ""));

        assertThatThrownBy(() -> load("development"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
                    assertThat(e.getMessage()).startsWith(display("development/c.yaml")
                                    + " row 2 (slug=true-wireless-earbuds, line 11): could not insert into shop.products: "
                                    + "ERROR: new row for relation \"products\" violates check constraint \"products_price_check\"")
                            .endsWith("Fix the row's values; nothing of this load was kept.");
                });
        assertThat(Sql.column(database, "SELECT count(*) FROM shop.categories")).containsExactly("0");
    }

    @Test
    void should_refuse_a_value_for_a_generated_always_identity_column() {
        environment("development").file("a.yaml", "table: categories\nkey: [slug]\nrows:\n  - {id: 7, slug: x, name: X}\n");

        assertThatThrownBy(() -> load("development"))
                .hasMessage(display("development/a.yaml") + " row 1 (slug=x, line 4): column id of shop.categories is "
                        + "GENERATED ALWAYS AS IDENTITY and takes no value.\nLeave it out: other rows refer to this row by "
                        + "its natural key, e.g. {ref: categories, slug: ...}.");
    }

    @Test
    void should_refuse_sql_seeds_that_delete_or_control_the_transaction() {
        environment("development").file("a.sql", "INSERT INTO notes VALUES ('x');\nTRUNCATE notes;\n");
        assertThatThrownBy(() -> load("development")).hasMessageStartingWith(display("development/a.sql")
                + " line 2: 'TRUNCATE notes' deletes rows, and seeds never delete or truncate.");

        environment("development").file("a.sql", "BEGIN;\nINSERT INTO notes VALUES ('x');\nCOMMIT;\n");
        assertThatThrownBy(() -> load("development")).hasMessageStartingWith(display("development/a.sql")
                + " line 1: 'BEGIN' controls the transaction");
    }

    @Test
    void should_explain_the_format_when_a_fixture_lacks_its_keys() {
        environment("development").file("a.yaml", "table: brands\nrows: []\nupdate: yes please\n");

        assertThatThrownBy(() -> load("development")).isInstanceOfSatisfying(HarnessException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
            assertThat(e.getMessage()).isEqualTo(display("development/a.yaml") + " line 3: 'update' must be true (rows "
                    + "matched by natural key are updated to the fixture's values) or false (they are left as they are; the default).");
        });
        environment("development").file("a.yaml", "table: brands\nrows: []\n");
        assertThatThrownBy(() -> load("development")).hasMessageStartingWith(display("development/a.yaml")
                + ": missing key. A row fixture looks like:\n  table: products\n  key: [slug]");
    }

    @Test
    void should_say_which_environments_exist_when_one_is_missing() {
        environment("development").file("a.yaml", CATEGORIES);

        assertThatThrownBy(() -> load("staging")).hasMessage("No seeds for environment 'staging': expected a folder "
                + display("staging") + " (or " + display("common") + ").\nEnvironments here: [development].");
    }

    private String display(String relative) {
        return DisplayPath.of(seeds.resolve(relative));
    }
}
