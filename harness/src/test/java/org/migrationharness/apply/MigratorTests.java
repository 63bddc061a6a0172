package org.migrationharness.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

class MigratorTests {

    @TempDir
    Path dir;

    private final Database database = SharedServer.get().createDatabase("migrator");

    private MigrationSet shop() {
        MigrationFolder.in(dir)
                .file("harness.yaml", "schemas: [shop_service]\nplaceholders: {reader: pg_monitor}\n")
                .file("migrations/V1__accounts.sql", "CREATE TABLE accounts (id int PRIMARY KEY, email text);\n")
                .file("migrations/U1__accounts.sql", "DROP TABLE accounts;\n")
                .file("migrations/V2__index_email.sql", "CREATE INDEX CONCURRENTLY idx_accounts_email ON accounts (email);\n")
                .file("migrations/U2__index_email.sql", "DROP INDEX CONCURRENTLY idx_accounts_email;\n")
                .file("migrations/V3__grant.sql", "GRANT SELECT ON accounts TO ${reader};\n")
                .file("migrations/U3__grant.sql", "-- placeholders work in down scripts too\nREVOKE SELECT ON accounts FROM ${reader};\n");
        return MigrationSetReader.read(dir, "shop");
    }

    @Test
    void should_apply_every_migration_with_flyway_into_the_service_schema() {
        Migrator migrator = new Migrator(shop(), database);
        ApplyResult result = migrator.migrateAll();
        assertThat(result.applied()).containsExactly("1", "2", "3");
        assertThat(result.versionBefore()).isNull();
        assertThat(result.versionAfter()).isEqualTo("3");
        assertThat(Sql.column(database, "SELECT indexname FROM pg_indexes WHERE schemaname = 'shop_service'"
                + " AND tablename = 'accounts' ORDER BY 1")).containsExactly("accounts_pkey", "idx_accounts_email");
    }

    @Test
    void should_undo_step_by_step_and_let_flyway_apply_again() {
        Migrator migrator = new Migrator(shop(), database);
        migrator.migrateAll();
        ApplyResult undo = migrator.undoTo("1");
        assertThat(undo.applied()).containsExactly("3", "2");
        assertThat(migrator.currentVersion()).contains("1");
        assertThat(Sql.column(database, "SELECT indexname FROM pg_indexes WHERE schemaname = 'shop_service'"
                + " AND tablename = 'accounts'")).containsExactly("accounts_pkey");
        assertThat(migrator.migrateAll().applied()).containsExactly("2", "3");
        assertThat(migrator.undoTo("0").applied()).containsExactly("3", "2", "1");
        assertThat(Sql.column(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'shop_service'"))
                .containsExactly("1"); // only flyway_schema_history
        assertThat(migrator.appliedVersions()).isEmpty();
    }

    @Test
    void should_migrate_to_a_version_and_refuse_an_unknown_one() {
        Migrator migrator = new Migrator(shop(), database);
        assertThat(migrator.migrateTo("2").applied()).containsExactly("1", "2");
        assertThatThrownBy(() -> migrator.migrateTo("9"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("No migration with version '9' in shop.\nKnown versions: [1, 2, 3].");
    }

    @Test
    void should_name_file_and_line_of_a_failing_up_statement() {
        MigrationFolder.in(dir).file("V1__a.sql", "CREATE TABLE a (id int);\n\n-- typo below\nALTER TABLE b ADD COLUMN x int;\n");
        Migrator migrator = new Migrator(MigrationSetReader.read(dir, "typo"), database);
        assertThatThrownBy(migrator::migrateAll)
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
                    assertThat(e.file()).contains(dir.resolve("V1__a.sql"));
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessage("V1__a.sql line 4: ERROR: relation \"b\" does not exist (SQL state 42P01)\n"
                        + "Statement: ALTER TABLE b ADD COLUMN x int");
    }

    @Test
    void should_name_the_line_of_the_failing_statement_when_an_earlier_one_has_the_same_text() {
        MigrationFolder.in(dir).file("V1__a.sql", "CREATE TABLE a (id int PRIMARY KEY);\nINSERT INTO a VALUES (1);\n"
                + "INSERT INTO a VALUES (1);\n");
        Migrator migrator = new Migrator(MigrationSetReader.read(dir, "twice"), database);
        assertThatThrownBy(migrator::migrateAll)
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageStartingWith("V1__a.sql line 3: ERROR: duplicate key value violates unique constraint");
    }

    @Test
    void should_roll_back_a_failing_down_script_and_keep_the_version_applied() {
        MigrationFolder.in(dir).file("V1__a.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n")
                .file("U1__a.sql", "DROP TABLE a;\n\nDROP TABLE c;\nDROP TABLE b;\n");
        Migrator migrator = new Migrator(MigrationSetReader.read(dir, "broken"), database);
        migrator.migrateAll();
        assertThatThrownBy(() -> migrator.undoTo("0"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.file()).contains(dir.resolve("U1__a.sql"));
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessage("U1__a.sql line 3: ERROR: table \"c\" does not exist (SQL state 42P01)\nStatement: DROP TABLE c");
        assertThat(migrator.currentVersion()).contains("1");
        assertThat(Sql.column(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
                .containsExactly("a", "b", "flyway_schema_history");
    }

    @Test
    void should_refuse_to_undo_an_irreversible_migration() {
        MigrationFolder.in(dir).file("V1__a.sql", "CREATE TABLE a (id int);\n")
                .file("U1__a.sql", "-- harness:irreversible data is gone\n");
        Migrator migrator = new Migrator(MigrationSetReader.read(dir, "one-way"), database);
        migrator.migrateAll();
        assertThatThrownBy(migrator::undoLast).hasMessage(
                "Migration 1 is marked irreversible (data is gone): it cannot be undone.");
    }

    @Test
    void should_name_a_placeholder_without_value() {
        MigrationFolder.in(dir).file("V1__a.sql", "CREATE TABLE a (id int);\n")
                .file("U1__a.sql", "\nDROP TABLE ${table_name};\n");
        Migrator migrator = new Migrator(MigrationSetReader.read(dir, "placeholders"), database);
        migrator.migrateTo("1");
        assertThatThrownBy(migrator::undoLast)
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageStartingWith("No value for placeholder ${table_name} in ")
                .hasMessageEndingWith("U1__a.sql line 2.\nDefine it under 'placeholders:' in harness.yaml.");
    }

    @Test
    void should_apply_and_undo_latin1_scripts_when_harness_yaml_says_iso_8859_1() {
        MigrationFolder.in(dir).file("harness.yaml", "schemas: [cafe_service]\nencoding: ISO-8859-1\n")
                .file("migrations/V1__create_drinks.sql", "CREATE TABLE drinks (id int PRIMARY KEY, name text NOT NULL);\n")
                .file("migrations/U1__create_drinks.sql", "DROP TABLE drinks;\n")
                .bytes("migrations/V2__add_cafe.sql", latin1("-- le caf\u00e9\nINSERT INTO drinks VALUES (1, 'caf\u00e9');\n"))
                .bytes("migrations/U2__add_cafe.sql", latin1("DELETE FROM drinks WHERE name = 'caf\u00e9';\n"));
        Migrator migrator = new Migrator(MigrationSetReader.read(dir, "cafe"), database);

        assertThat(migrator.migrateAll().applied()).containsExactly("1", "2");
        assertThat(Sql.column(database, "SELECT name || ' ' || length(name) || ' ' || octet_length(name)"
                + " FROM cafe_service.drinks")).containsExactly("caf\u00e9 4 5"); // 4 characters, UTF-8 in the database

        migrator.undoTo("1"); // the harness reads U2 in ISO-8859-1 too, so its WHERE finds the row
        assertThat(Sql.column(database, "SELECT count(*) FROM cafe_service.drinks")).containsExactly("0");
    }

    private static byte[] latin1(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
