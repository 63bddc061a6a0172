package org.migrationharness.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.postgres.Database;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/**
 * The harness reads a Flyway folder as Flyway 11 itself does, file by file: for every naming edge case, real Flyway
 * ({@code info().all()} against a real database, with the configuration the harness gives it) says which migrations
 * it sees, and the harness must read exactly those (same file, same version, same description), report every other
 * file it does not know as a {@code naming.file} finding that never says Flyway applies it, and refuse (an input
 * error naming the file) what Flyway would run but the harness cannot verify. Where Flyway refuses the folder, the
 * harness reports an error naming the file.
 */
@DisplayName("source: a Flyway folder read file by file as Flyway 11 reads it")
class FlywayFolderAgreementTests {

    private static Database database;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        database = SharedServer.get().createDatabase("flyway_names");
    }

    @AfterAll
    static void drop() {
        SharedServer.get().dropDatabase(database);
    }

    /** One folder: file name -> content (a script by default). */
    private static Map<String, String> folder(String... files) {
        Map<String, String> folder = new LinkedHashMap<>();
        for (String file : files) {
            int equals = file.indexOf('=');
            folder.put(equals < 0 ? file : file.substring(0, equals), equals < 0 ? "SELECT 1;\n" : file.substring(equals + 1));
        }
        return folder;
    }

    static Stream<Map<String, String>> cases() {
        return Stream.of(
                // the suffix, with and without case
                folder("V6__x.SQL"), folder("V11__x.Sql"), folder("V28__x.sqL"), folder("R__x.SQL"),
                folder("V1__a.SQL", "U1__a.SQL"), folder("V18__x.sql~"), folder("V21__x.sql.bak"),
                folder("V1__x.txt"), folder("V14__x.sql.sql"), folder("V38__x..sql"),
                // the prefix
                folder("v1__x.sql"), folder("r__x.sql"), folder("v19__x.SQL"), folder("_V37__x.sql"),
                folder("U1__x.sql", "V1__x.sql"), folder("U31__x.sql"),
                // the separator and the description
                folder("V1_x.sql"), folder("V2__.sql"), folder("V17.sql"), folder("V39_.sql"), folder("V20___x.sql"),
                folder("V12__a__b.sql"), folder("V4__with space.sql"), folder("V26__ x.sql"), folder("V27__x .sql"),
                folder("V30__-x.sql"), folder("V34__ä.sql"), folder("R__.sql"), folder("R_x.sql"), folder("R__x.sql"),
                // the version
                folder("V1.1__x.sql"), folder("V1_1__u.sql"), folder("V01__x.sql"), folder("V007__z.sql", "V1__a.sql"),
                folder("V01__x.sql", "V1__y.sql"), folder("V1.0__x.sql", "V1__y.sql"), folder("V1.10__a.sql", "V1.9__b.sql"),
                folder("V 5__x.sql"), folder("V29 __x.sql"), folder("V13-1__x.sql"), folder("V15x__x.sql"),
                folder("V1e2__x.sql"), folder("V23.__x.sql"), folder("V.24__x.sql"), folder("V25..1__x.sql"),
                folder("V__nothing.sql"), folder("V35.sql.sql"),
                folder("V+1__x.sql"), folder("V-1__x.sql"), folder("V\u0663__arabic_digit.sql"), folder("Vlatest__x.sql"),
                // hidden files, sub-folders, other files
                folder(".V8__hidden.sql"), folder("sub/V9__sub.sql"), folder(".hid/V10__h.sql"),
                folder("notes.txt", "README=read me", "Makefile=all:"), folder("V1__x.sql", "harness.yaml=schemas: [s]"),
                // script migrations
                folder("V16__x.sh=#!/bin/sh"), folder("V16__x=#!/bin/sh"), folder("R__x.py=print()"),
                folder("V16__x.md=# notes"),
                // script configuration files
                folder("V1__x.sql", "V1__x.sql.conf=executeInTransaction=false"),
                folder("V1__x.SQL", "V1__x.SQL.conf=executeInTransaction=false"),
                folder("V1__x.sql", "U1__x.sql", "U1__x.sql.conf=# own transactions\nexecuteInTransaction = FALSE"),
                folder("V1__x.sql.conf=executeInTransaction=false"),
                folder("V1__x.sql", "V1__x.sql.CONF=executeInTransaction=false"),
                folder("V1__x.sql", "V1__x.sql.conf=foo=bar"),
                folder("V1__x.sql", "V1__x.sql.conf=executeInTransaction=maybe"),
                folder("V1__x.sql", "V1__x.sql.conf=shouldExecute=true"),
                folder("V1__x.sql", "V1__x.conf=executeInTransaction=false"));
    }

    @TestFactory
    Stream<DynamicTest> should_read_each_file_as_flyway_does() {
        return cases().map(files -> DynamicTest.dynamicTest(String.join(" + ", files.keySet()), () -> {
            Path folder = write(dir.resolve("case" + Math.abs(files.hashCode())), files);
            agree(folder, files.keySet());
        }));
    }

    @Test
    void should_read_a_script_in_the_encoding_its_configuration_file_names_as_flyway_does() throws IOException {
        Path folder = dir.resolve("latin1");
        Files.createDirectories(folder);
        Files.write(folder.resolve("V1__caf\u00e9.sql"), "SELECT 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(folder.resolve("V1__caf\u00e9.sql.conf"), "encoding=ISO-8859-1\n");

        agree(folder, Set.of("V1__caf\u00e9.sql", "V1__caf\u00e9.sql.conf"));
        assertThat(MigrationSetReader.read(folder, "latin1").migrations().get(0).up().text()).isEqualTo("SELECT 'caf\u00e9';\n");
    }

    @Test
    void should_know_every_callback_event_flyway_knows() {
        Set<String> flyway = new TreeSet<>();
        Arrays.stream(Event.values()).map(Event::getId).forEach(flyway::add);
        assertThat(new TreeSet<>(FlywayName.CALLBACK_EVENTS)).isEqualTo(flyway);
    }

    @Test
    void should_treat_as_callbacks_exactly_the_files_flyway_runs_as_callbacks() throws IOException {
        List<String> names = List.of("afterMigrate.sql", "afterMigrate.SQL", "beforeMigrate__audit.sql",
                "afterEachMigrate__.sql", "afterMigrateApplied.sql", "AFTERMIGRATE.sql", "aftermigrate.sql",
                "afterMigrateX.sql", "afterMigrate_x.sql", "afterMigrate.sql.txt");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Path folder = write(dir.resolve("callback" + i), folder("V1__a.sql",
                    name + "=CREATE TABLE IF NOT EXISTS public.callback_ran (id int);"));
            Database fresh = SharedServer.get().createDatabase("callback");
            try {
                Flyway.configure().dataSource(fresh.jdbcUrl(), fresh.user(), fresh.password())
                        .locations("filesystem:" + folder).validateMigrationNaming(false).load().migrate();
                boolean ran = Sql.column(fresh, "SELECT to_regclass('public.callback_ran') IS NOT NULL").get(0).equals("t");
                MigrationSet set = MigrationSetReader.read(folder, "callbacks");
                List<Finding> reported = set.problems().stream().filter(f -> f.file() != null && f.file().endsWith("/" + name)).toList();
                assertThat(set.migrations()).as(name).hasSize(1);
                if (ran) {
                    assertThat(reported).as(name + ": Flyway runs it as a callback").isEmpty();
                } else {
                    assertThat(reported).as(name + ": Flyway ignores it").singleElement()
                            .satisfies(f -> assertThat(f.check()).isEqualTo("naming.file"));
                }
            } finally {
                SharedServer.get().dropDatabase(fresh);
            }
        }
    }

    // ---- the comparison ----------------------------------------------------------------------------------------

    /** What Flyway resolves in a folder: its migrations, or the reason it refuses the folder. */
    private record FlywayView(List<MigrationInfo> migrations, String refusal) {
    }

    private static FlywayView flyway(Path folder) {
        try {
            MigrationInfo[] all = Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                    .locations("filesystem:" + folder.toAbsolutePath()).validateMigrationNaming(false).load().info().all();
            return new FlywayView(List.of(all), null);
        } catch (RuntimeException e) {
            return new FlywayView(List.of(), e.getMessage());
        }
    }

    private static void agree(Path folder, Set<String> files) {
        FlywayView flyway = flyway(folder);
        MigrationSet set;
        try {
            set = MigrationSetReader.read(folder, "agreement");
        } catch (HarnessException e) {
            // the harness refuses the folder: only where Flyway runs (or refuses) something the harness cannot verify
            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.INPUT);
            assertThat(e.getMessage()).doesNotContainIgnoringCase("ignore");
            List<String> refused = flyway.migrations().stream().filter(FlywayFolderAgreementTests::unverifiable)
                    .map(m -> Path.of(m.getScript()).getFileName().toString()).toList();
            if (flyway.refusal() != null) {
                assertThat(files).as("Flyway refuses the folder too (" + flyway.refusal() + "); the harness names a file")
                        .anySatisfy(file -> assertThat(e.getMessage()).contains(Path.of(file).getFileName().toString()));
            } else {
                assertThat(refused).as("Flyway's reading: " + describe(flyway) + "\nthe harness refused: " + e.getMessage())
                        .isNotEmpty().allSatisfy(script -> assertThat(e.getMessage()).contains(script));
            }
            return;
        }
        if (flyway.refusal() != null) {
            assertThat(set.problems()).as("Flyway refuses the folder (" + flyway.refusal() + "); the harness must report it")
                    .anySatisfy(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.ERROR);
                        assertThat(files).anySatisfy(file -> assertThat(f.file()).endsWith("/" + file));
                    });
            return;
        }
        List<String> flywayReads = new ArrayList<>();
        for (MigrationInfo info : flyway.migrations()) {
            assertThat(info.getType().name()).as(info.getScript() + " is a " + info.getType()).isEqualTo("SQL");
            flywayReads.add((info.getVersion() == null ? "R" : "V" + MigrationVersion.of(info.getVersion().getVersion())
                    .flywayText()) + " " + info.getScript() + " '" + info.getDescription() + "'");
        }
        List<String> harnessReads = new ArrayList<>();
        for (Migration migration : set.migrations()) {
            harnessReads.add("V" + migration.version().flywayText() + " " + relative(folder, migration.up().file()) + " '"
                    + migration.description().replace('_', ' ') + "'");
        }
        for (RepeatableMigration repeatable : set.repeatables()) {
            harnessReads.add("R " + relative(folder, repeatable.script().file()) + " '"
                    + repeatable.description().replace('_', ' ') + "'");
        }
        assertThat(harnessReads).as("the migrations (Flyway's reading first)").containsExactlyInAnyOrderElementsOf(flywayReads);
        Set<String> applied = new TreeSet<>();
        flyway.migrations().forEach(m -> applied.add(m.getScript()));
        for (String file : files) {
            List<Finding> about = set.problems().stream().filter(f -> f.file() != null && f.file().endsWith("/" + file)).toList();
            if (applied.contains(file)) {
                assertThat(about).as(file + " is applied by Flyway").noneSatisfy(f -> assertThat(f.message()).containsIgnoringCase("ignore"));
            } else if (!known(file, files, set)) {
                assertThat(about).as(file + " is ignored by Flyway: the harness must say so").isNotEmpty()
                        .allSatisfy(f -> assertThat(f.check()).isEqualTo("naming.file"));
            }
        }
    }

    /** What Flyway runs that the harness cannot verify: a script migration, or a version it cannot order as Flyway does. */
    private static boolean unverifiable(MigrationInfo migration) {
        if (migration.getType().name().equals("SCRIPT")) {
            return true;
        }
        return migration.getVersion() != null && (migration.getVersion().getRawVersion() == null
                || !MigrationVersion.isValid(migration.getVersion().getRawVersion()));
    }

    /** Files Flyway does not apply that the harness knows and reads itself: down scripts, script configurations, its own file. */
    private static boolean known(String file, Set<String> files, MigrationSet set) {
        String name = Path.of(file).getFileName().toString();
        boolean down = set.migrations().stream().anyMatch(m -> m.down() != null && m.down().file().endsWith(file));
        boolean configuration = name.endsWith(".conf") && files.contains(file.substring(0, file.length() - 5));
        boolean hidden = Path.of(file).toString().startsWith(".") || Path.of(file).toString().contains("/.");
        return down || configuration || hidden || name.equals(ServiceConfig.FILE_NAME);
    }

    private static String describe(FlywayView view) {
        return view.refusal() != null ? "refuses: " + view.refusal()
                : view.migrations().stream().map(m -> m.getType() + " " + m.getVersion() + " " + m.getScript()).toList().toString();
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    private static Path write(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue() + (file.getValue().endsWith("\n") ? "" : "\n"));
        }
        return folder;
    }
}
