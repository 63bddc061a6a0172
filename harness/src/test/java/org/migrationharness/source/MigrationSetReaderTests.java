package org.migrationharness.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.testing.MigrationFolder;

class MigrationSetReaderTests {

    @TempDir
    Path dir;

    @Test
    void should_read_versions_in_flyway_order_with_their_down_scripts() {
        MigrationFolder.in(dir)
                .file("V1__a.sql", "").file("U1__a.sql", "")
                .file("V1.10__c.sql", "").file("V1.9__b.sql", "").file("sub/V13.1__e.sql", "")
                .file("V13__d.sql", "").file("V14__f.sql", "").file("R__view.sql", "");
        MigrationSet set = MigrationSetReader.read(dir, "shop");
        assertThat(set.migrations()).extracting(m -> m.version().text())
                .containsExactly("1", "1.9", "1.10", "13", "13.1", "14");
        assertThat(set.migrations().get(0).down().file()).isEqualTo(dir.resolve("U1__a.sql"));
        assertThat(set.migrations().get(1).down()).isNull();
        assertThat(set.repeatables()).extracting(RepeatableMigration::description).containsExactly("view");
        assertThat(set.problems()).isEmpty();
    }

    @Test
    void should_make_a_set_forward_only_when_harness_yaml_says_so_and_not_merely_because_flyway_downs_are_missing() {
        MigrationFolder.in(dir).file("V1__a.sql", "").file("V2__b.sql", "");
        assertThat(MigrationSetReader.read(dir, "shop").forwardOnly()).isFalse();
        MigrationFolder.in(dir).file(ServiceConfig.FILE_NAME, "forward-only: true\n");
        assertThat(MigrationSetReader.read(dir, "shop").forwardOnly()).isTrue();
    }

    @Test
    void should_make_a_prisma_set_without_any_down_sql_forward_only_and_lay_prisma_naming_defaults_under_the_service() {
        MigrationFolder.in(dir).file("migration_lock.toml", "provider = \"postgresql\"\n")
                .file("20240101120000_init/migration.sql", "CREATE TABLE \"User\" (\"id\" int);\n")
                .file(ServiceConfig.FILE_NAME, "naming:\n  rules:\n    primary-key-name: {severity: warning}\n");
        MigrationSet set = MigrationSetReader.read(dir, "shop");
        assertThat(set.format()).isEqualTo("prisma");
        assertThat(set.forwardOnly()).isTrue();
        assertThat(set.migrations()).singleElement().satisfies(m -> {
            assertThat(m.version().text()).isEqualTo("20240101120000");
            assertThat(m.up().label()).isEqualTo("20240101120000_init/migration.sql");
        });
        org.migrationharness.source.naming.Rule pk = set.config().naming().rule(org.migrationharness.source.naming.NamingRule.PRIMARY_KEY_NAME);
        assertThat(pk.pattern()).isEqualTo("{table}_pkey");
        assertThat(pk.severity()).isEqualTo(Severity.WARNING);
        MigrationFolder.in(dir).file("20240101120000_init/down.sql", "DROP TABLE \"User\";\n");
        assertThat(MigrationSetReader.read(dir, "shop").forwardOnly()).isFalse();
    }

    @Test
    void should_report_files_flyway_would_ignore_with_the_fix_and_read_those_it_applies() {
        MigrationFolder.in(dir).file("V1__ok.sql", "")
                .file("V4_add_phone.sql", "").file("v4__x.sql", "").file("V5__x.SQL", "").file("notes.txt", "")
                .file("V__nothing.sql", "").file("V6.sql", "").file("setup.sql", "").file(".gitkeep", "");
        MigrationSet set = MigrationSetReader.read(dir, "shop");
        assertThat(set.problems()).extracting(Finding::check).containsOnly("naming.file");
        assertThat(set.problems()).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .startsWith("V4_add_phone.sql: the version and the description are separated by two underscores")
                .endsWith("Rename it to V4__add_phone.sql."));
        assertThat(set.problems()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("Rename it to V4__x.sql."))
                .anySatisfy(m -> assertThat(m).startsWith("V__nothing.sql: the version must be digits"))
                .anySatisfy(m -> assertThat(m).startsWith("setup.sql: not named like a migration"))
                // Flyway 11 applies these two: V5 (the suffix is matched without case) and V6 (no description)
                .anySatisfy(m -> assertThat(m).isEqualTo("V6.sql: Flyway applies it, but its name has no description"
                        + " (expected V6__<description>.sql with a description matching [a-z0-9]+(_[a-z0-9]+)*; rule"
                        + " description-snake-case).\nRename it to V6__<what_it_does>.sql."))
                .noneSatisfy(m -> assertThat(m).contains("V5__x.SQL"));
        assertThat(set.problems()).filteredOn(f -> f.file().endsWith("notes.txt"))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(set.problems()).hasSize(6);
        assertThat(set.migrations()).extracting(m -> m.up().fileName()).containsExactly("V1__ok.sql", "V5__x.SQL", "V6.sql");
    }

    @Test
    void should_read_a_script_configuration_file_into_its_scripts_settings() {
        MigrationFolder.in(dir).file("V1__a.sql", "").file("V1__a.sql.conf", "# its own transactions\nexecuteInTransaction = FALSE\n")
                .file("U1__a.sql", "").file("U1__a.sql.conf", "executeInTransaction=false\nplaceholderReplacement=false\n");
        MigrationSet set = MigrationSetReader.read(dir, "shop");

        assertThat(set.problems()).isEmpty();
        Migration migration = set.migrations().get(0);
        assertThat(migration.up().settings()).containsExactly(Map.entry("executeInTransaction", "false"));
        assertThat(migration.down().settings()).containsOnly(Map.entry("executeInTransaction", "false"),
                Map.entry("placeholderReplacement", "false"));
        assertThat(FlywayFormat.executeInTransaction(migration.down(), set.config())).isFalse();
    }

    @Test
    void should_report_a_key_flyway_refuses_in_a_script_configuration_file_with_its_line() {
        MigrationFolder.in(dir).file("V1__a.sql", "").file("V1__a.sql.conf", "executeInTransaction=false\nretries=3\n");

        assertThat(MigrationSetReader.read(dir, "shop").problems()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("naming.file");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).isEqualTo("V1__a.sql.conf line 2: unknown key 'retries' (expected one of"
                    + " executeInTransaction, encoding, placeholderReplacement): Flyway refuses to migrate (Unknown"
                    + " configuration property: retries).\nRemove or rename it.");
        });
    }

    @Test
    void should_refuse_a_script_migration_flyway_would_run_naming_it() {
        MigrationFolder.in(dir).file("V1__a.sql", "").file("V2__backfill.sh", "#!/bin/sh\n");

        assertThatThrownBy(() -> MigrationSetReader.read(dir, "shop")).isInstanceOf(HarnessException.class)
                .hasMessage(DisplayPath.of(dir.resolve("V2__backfill.sh")) + ": Flyway runs it as script migration 2, a"
                        + " program, not SQL. The harness verifies SQL migrations only.\nRewrite it as V2__backfill.sql,"
                        + " or move it out of the migrations folder.");
    }

    @Test
    void should_read_the_harness_yaml_beside_the_migrations_folder_when_given_that_folder_itself() {
        MigrationFolder.in(dir.resolve("shop")).file("harness.yaml", "schemas: [shop]\n")
                .file("migrations/V1__a.sql", "");
        MigrationFolder.in(dir).file("harness-defaults.yaml", "naming:\n  rules:\n    index-prefix: {severity: info}\n");

        for (Path folder : List.of(dir.resolve("shop"), dir.resolve("shop/migrations"))) {
            MigrationSet set = MigrationSetReader.read(folder, "shop");
            assertThat(set.config().schemas()).as(folder.toString()).containsExactly("shop");
            assertThat(set.config().file()).isEqualTo(dir.resolve("shop/harness.yaml"));
            assertThat(set.config().naming().rule(org.migrationharness.source.naming.NamingRule.INDEX_PREFIX).severity())
                    .as("the repository's defaults beside the service folder").isEqualTo(Severity.INFO);
        }
        assertThat(MigrationSetReader.configFile(dir.resolve("shop/migrations"))).isEqualTo(dir.resolve("shop/harness.yaml"));
    }

    @Test
    void should_read_the_harness_yaml_inside_a_bare_migrations_folder() {
        MigrationFolder.in(dir.resolve("set")).file("harness.yaml", "schemas: [shop]\n").file("V1__a.sql", "");

        assertThat(MigrationSetReader.read(dir.resolve("set"), "set").config().file()).isEqualTo(dir.resolve("set/harness.yaml"));
    }

    @Test
    void should_refuse_two_harness_yaml_files_that_could_configure_one_set_naming_both() {
        MigrationFolder.in(dir.resolve("shop")).file("harness.yaml", "schemas: [shop]\n")
                .file("migrations/harness.yaml", "schemas: [store]\n").file("migrations/V1__a.sql", "");

        for (Path folder : List.of(dir.resolve("shop"), dir.resolve("shop/migrations"))) {
            assertThatThrownBy(() -> MigrationSetReader.read(folder, "shop")).isInstanceOf(HarnessException.class)
                    .satisfies(e -> assertThat(((HarnessException) e).code()).isEqualTo(ErrorCode.INPUT))
                    .hasMessage("Two harness.yaml files could configure " + DisplayPath.of(dir.resolve("shop/migrations"))
                            + ": " + DisplayPath.of(dir.resolve("shop/migrations/harness.yaml")) + " (in the migrations"
                            + " folder) and " + DisplayPath.of(dir.resolve("shop/harness.yaml")) + " (beside it). The"
                            + " harness reads one, and will not guess which.\nKeep one: move the keys of the other into it"
                            + " and delete the other.");
        }
    }

    @Test
    void should_report_two_migrations_with_the_same_version() {
        MigrationFolder.in(dir).file("V2__first.sql", "").file("V2.0__second.sql", "");
        MigrationSet set = MigrationSetReader.read(dir, "shop");
        assertThat(set.problems()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("order.duplicate-version");
            assertThat(f.message()).contains("V2.0__second.sql and V2__first.sql share version 2");
        });
        assertThat(set.unreadable()).isTrue();
    }

    @Test
    void should_report_a_down_script_that_reverses_no_migration() {
        MigrationFolder.in(dir).file("V1__a.sql", "").file("U7__gone.sql", "DROP TABLE x;");
        assertThat(MigrationSetReader.read(dir, "shop").problems()).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("U7__gone.sql reverses no migration: there is no V7__*.sql."));
    }

    @Test
    void should_read_the_irreversible_marker_with_its_reason() {
        MigrationFolder.in(dir).file("V1__a.sql", "").file("U1__a.sql", "-- harness:irreversible old values are not kept\n");
        Migration migration = MigrationSetReader.read(dir, "shop").migrations().get(0);
        assertThat(migration.irreversible()).isTrue();
        assertThat(migration.irreversibleReason()).isEqualTo("old values are not kept");
        assertThat(migration.reversible()).isFalse();
    }

    @Test
    void should_reject_a_marker_beside_statements() {
        MigrationFolder.in(dir).file("V1__a.sql", "").file("U1__a.sql", "-- harness:irreversible no\nDROP TABLE a;\n");
        MigrationSet set = MigrationSetReader.read(dir, "shop");
        assertThat(set.problems()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("down.missing");
            assertThat(f.line()).isEqualTo(1);
        });
        assertThat(set.migrations().get(0).irreversible()).isFalse();
    }

    @Test
    void should_read_service_folder_with_its_configuration() {
        MigrationFolder.in(dir).file("harness.yaml", "schemas: [shop_service]\nplaceholders: {owner: app}\n")
                .file("migrations/V1__a.sql", "");
        MigrationSet set = MigrationSetReader.read(dir, "shop");
        assertThat(set.config().schemas()).containsExactly("shop_service");
        assertThat(set.config().placeholders()).containsEntry("owner", "app");
        assertThat(set.directory()).isEqualTo(dir.resolve("migrations"));
    }

    @Test
    void should_name_an_unknown_configuration_key_and_its_line() {
        MigrationFolder.in(dir).file("harness.yaml", "schemas: [shop]\nschema: shop\n").file("migrations/V1__a.sql", "");
        assertThatThrownBy(() -> MigrationSetReader.read(dir, "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.line()).isEqualTo(2);
                })
                .hasMessageStartingWith("Unknown key 'schema' in " + dir.resolve("harness.yaml") + " (line 2).")
                .hasMessageContaining("Known keys: compare, depends-on, encoding, flyway, format, forward-only, history-table, lock-timeout, naming, "
                        + "placeholders, reversible-since, risk, schemas, severity, "
                        + "statement-timeout.");
    }

    @Test
    void should_fail_with_input_error_on_a_missing_folder() {
        assertThatThrownBy(() -> MigrationSetReader.read(dir.resolve("nope"), "x"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT))
                .hasMessageStartingWith("No migrations folder at ");
    }

    // Scripts that cannot be read as text in the set's encoding: input errors, before anything is applied

    @Test
    void should_refuse_a_script_that_is_not_utf8_naming_the_byte_offset() {
        MigrationFolder.in(dir).file("V1__create_drinks.sql", "CREATE TABLE drinks (id int, name text);\n")
                .bytes("V2__add_cafe.sql", latin1("SELECT 1;\nINSERT INTO drinks VALUES (1, 'caf\u00e9');\n"));
        assertThatThrownBy(() -> MigrationSetReader.read(dir, "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.file()).contains(dir.resolve("V2__add_cafe.sql"));
                    assertThat(e.line()).isEqualTo(2);
                })
                .hasMessage(DisplayPath.of(dir.resolve("V2__add_cafe.sql")) + " is not valid UTF-8 (the set's encoding):"
                        + " expected UTF-8 text, found the byte 0xE9 at offset 44 (line 2).\n"
                        + "Save it as UTF-8, or, if the team really uses another encoding, set `encoding: <charset>` in"
                        + " harness.yaml.");
    }

    @Test
    void should_refuse_a_binary_script_naming_the_offset_of_its_first_nul_byte() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D};
        MigrationFolder.in(dir).bytes("V1__logo.sql", png);
        assertThatThrownBy(() -> MigrationSetReader.read(dir, "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessage(DisplayPath.of(dir.resolve("V1__logo.sql")) + " is a binary file, not an SQL script:"
                        + " expected UTF-8 text, found a NUL byte at offset 8 (line 3).\n"
                        + "Replace it with the script as text, or move it out of the migrations folder.");
    }

    @Test
    void should_say_a_utf16_script_is_utf16_rather_than_binary() {
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.writeBytes("SELECT 1;\n".getBytes(StandardCharsets.UTF_16LE));
        MigrationFolder.in(dir).bytes("V1__a.sql", utf16.toByteArray());
        assertThatThrownBy(() -> MigrationSetReader.read(dir, "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT))
                .hasMessage(DisplayPath.of(dir.resolve("V1__a.sql")) + " is UTF-16, not UTF-8 (the set's encoding):"
                        + " expected UTF-8 text, found the UTF-16 byte order mark 0xFF 0xFE at offset 0 (line 1).\n"
                        + "Save it as UTF-8, or, if the team really uses another encoding, set `encoding: UTF-16` in"
                        + " harness.yaml.");
    }

    @Test
    void should_check_down_scripts_repeatables_and_flyway_callbacks_and_name_every_unreadable_one() {
        MigrationFolder.in(dir).file("V1__a.sql", "CREATE TABLE a (id int);\n")
                .bytes("U1__a.sql", latin1("-- d\u00e9fait\nDROP TABLE a;\n"))
                .bytes("R__view.sql", latin1("CREATE VIEW v AS SELECT '\u00e9' AS e;\n"))
                .bytes("sub/afterMigrate.sql", new byte[] {'S', 'E', 'L', 'E', 'C', 'T', 0});
        assertThatThrownBy(() -> MigrationSetReader.read(dir, "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.file()).contains(dir.resolve("R__view.sql"));
                })
                .hasMessage("3 scripts in " + DisplayPath.of(dir) + " cannot be read:\n"
                        + "  " + DisplayPath.of(dir.resolve("R__view.sql")) + " is not valid UTF-8 (the set's encoding):"
                        + " expected UTF-8 text, found the byte 0xE9 at offset 25 (line 1)\n"
                        + "  " + DisplayPath.of(dir.resolve("U1__a.sql")) + " is not valid UTF-8 (the set's encoding):"
                        + " expected UTF-8 text, found the byte 0xE9 at offset 4 (line 1)\n"
                        + "  " + DisplayPath.of(dir.resolve("sub/afterMigrate.sql")) + " is a binary file, not an SQL"
                        + " script: expected UTF-8 text, found a NUL byte at offset 6 (line 1)\n"
                        + "Save the scripts that are not valid UTF-8 as UTF-8, or, if the team really uses another"
                        + " encoding, set `encoding: <charset>` in harness.yaml.\n"
                        + "Replace the binary files with their scripts as text, or move them out of the migrations"
                        + " folder.");
    }

    @Test
    void should_leave_a_binary_file_that_is_no_script_a_naming_file_warning() {
        MigrationFolder.in(dir).file("V1__a.sql", "CREATE TABLE a (id int);\n")
                .bytes("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        MigrationSet set = MigrationSetReader.read(dir, "shop");
        assertThat(set.problems()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("naming.file");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith("logo.png: not a migration; Flyway ignores it.");
        });
    }

    @Test
    void should_read_scripts_in_the_encoding_harness_yaml_sets() {
        MigrationFolder.in(dir).file("harness.yaml", "encoding: ISO-8859-1\n")
                .bytes("migrations/V1__add_cafe.sql", latin1("INSERT INTO drinks VALUES (1, 'caf\u00e9');\n"))
                .bytes("migrations/U1__add_cafe.sql", latin1("-- harness:irreversible le caf\u00e9 est bu\n"));
        MigrationSet set = MigrationSetReader.read(dir, "shop");
        assertThat(set.config().encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(set.problems()).isEmpty();
        assertThat(set.migrations()).singleElement()
                .satisfies(m -> assertThat(m.irreversibleReason()).isEqualTo("le caf\u00e9 est bu"));
    }

    @Test
    void should_refuse_a_script_that_is_not_valid_in_the_encoding_harness_yaml_sets_and_name_that_file() {
        MigrationFolder.in(dir).file("harness.yaml", "encoding: US-ASCII\n")
                .file("migrations/V1__add_cafe.sql", "SELECT 'caf\u00e9';\n");
        assertThatThrownBy(() -> MigrationSetReader.read(dir, "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT))
                .hasMessage(DisplayPath.of(dir.resolve("migrations/V1__add_cafe.sql")) + " is not valid US-ASCII (the"
                        + " set's encoding): expected US-ASCII text, found the byte 0xC3 at offset 11 (line 1).\n"
                        + "Save it as US-ASCII, or, if the team really uses another encoding, set `encoding: <charset>`"
                        + " in " + DisplayPath.of(dir.resolve("harness.yaml")) + " (it says US-ASCII now).");
    }

    @Test
    void should_find_a_nul_in_a_utf16_script_at_its_byte_offset() {
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.writeBytes("SELECT 1;\n\0".getBytes(StandardCharsets.UTF_16LE));
        MigrationFolder.in(dir).file("harness.yaml", "encoding: UTF-16\n").bytes("migrations/V1__a.sql", utf16.toByteArray());
        assertThatThrownBy(() -> MigrationSetReader.read(dir, "shop"))
                .hasMessageContaining("V1__a.sql is a binary file, not an SQL script: expected UTF-16 text, found a NUL"
                        + " byte at offset 22 (line 2).");

        MigrationFolder.in(dir).bytes("migrations/V1__a.sql", "SELECT 1;\n".getBytes(StandardCharsets.UTF_16));
        assertThat(MigrationSetReader.read(dir, "shop").migrations()).hasSize(1);
    }

    // Symbolic links: followed as Flyway follows them; a loop is an input error

    @Test
    void should_follow_symbolic_links_to_folders_as_flyway_does() {
        MigrationFolder.in(dir).file("shared/V2__b.sql", "CREATE TABLE b (id int);\n")
                .file("migrations/V1__a.sql", "CREATE TABLE a (id int);\n")
                .link("migrations/shared", "../shared");
        MigrationSet set = MigrationSetReader.read(dir.resolve("migrations"), "shop");
        assertThat(set.migrations()).extracting(m -> m.version().text()).containsExactly("1", "2");
        assertThat(set.migrations().get(1).up().file()).isEqualTo(dir.resolve("migrations/shared/V2__b.sql"));
    }

    @Test
    void should_read_a_migrations_folder_that_is_itself_a_symbolic_link() {
        MigrationFolder.in(dir).file("real/V1__a.sql", "CREATE TABLE a (id int);\n").link("linked", "real");
        assertThat(MigrationSetReader.read(dir.resolve("linked"), "shop").migrations()).hasSize(1);
    }

    @Test
    void should_refuse_a_symbolic_link_loop_naming_the_link_and_where_it_points() throws Exception {
        MigrationFolder.in(dir).file("V1__a.sql", "CREATE TABLE a (id int);\n").link("sub/back", "..");
        Path link = dir.resolve("sub/back");
        assertThatThrownBy(() -> MigrationSetReader.read(dir, "shop"))
                .isInstanceOfSatisfying(HarnessException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INPUT);
                    assertThat(e.file()).contains(link);
                })
                .hasMessage("Symbolic link loop in " + DisplayPath.of(dir) + ": expected a folder tree without loops,"
                        + " found " + DisplayPath.of(link) + " pointing to .. (" + DisplayPath.of(dir.toRealPath())
                        + "), a folder that contains the link.\n"
                        + "Flyway follows links, so it would read the scripts below it again and again and refuse them"
                        + " as duplicate versions.\n"
                        + "Remove the link, or point it at a folder that does not contain it.");
    }

    @Test
    void should_not_walk_into_hidden_folders_as_flyway_does_not() {
        MigrationFolder.in(dir).file("V1__a.sql", "CREATE TABLE a (id int);\n").file(".cache/V2__b.sql", "")
                .link(".cache/loop", "..");
        MigrationSet set = MigrationSetReader.read(dir, "shop");
        assertThat(set.migrations()).hasSize(1);
        assertThat(set.problems()).isEmpty();
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
