package org.migrationharness.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.MigrationSetReader;
import org.migrationharness.testing.MigrationFolder;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/** golang-migrate's bookkeeping on a real server: one row (version, dirty), written as the tool writes it. */
class GolangMigrateRunnerTests {

    @TempDir
    Path dir;

    private final Database database = SharedServer.get().createDatabase("golang_migrate");

    @AfterEach
    void drop() {
        SharedServer.get().dropDatabase(database);
    }

    private Migrator migrator() {
        MigrationFolder.in(dir)
                .file("harness.yaml", "format: golang-migrate\nschemas: [customer_service]\n"
                        + "history-table: customer_service_schema_migrations\n")
                .file("migrations/1_customers.up.sql", "CREATE TABLE customers (id int PRIMARY KEY);\n")
                .file("migrations/1_customers.down.sql", "DROP TABLE customers;\n")
                .file("migrations/2_email.up.sql", "ALTER TABLE customers ADD COLUMN email text;\n")
                .file("migrations/2_email.down.sql", "ALTER TABLE customers DROP COLUMN email;\n")
                .file("migrations/10_broken.up.sql", "ALTER TABLE customers ADD COLUMN phone text;\nSELECT 1/0;\n")
                .file("migrations/10_broken.down.sql", "ALTER TABLE customers DROP COLUMN phone;\n");
        return new Migrator(MigrationSetReader.read(dir, "customer"), database);
    }

    private String row() {
        return String.join(",", Sql.column(database,
                "SELECT version || ':' || dirty FROM customer_service.customer_service_schema_migrations"));
    }

    @Test
    void should_keep_one_version_row_clean_after_each_up_and_down_in_the_services_schema() {
        Migrator migrator = migrator();

        assertThat(migrator.migrateTo("2").applied()).containsExactly("1", "2");
        assertThat(row()).isEqualTo("2:false");
        assertThat(migrator.historyTable()).isEqualTo("\"customer_service\".\"customer_service_schema_migrations\"");

        assertThat(migrator.undoLast().applied()).containsExactly("2");
        assertThat(row()).isEqualTo("1:false");
        assertThat(migrator.undoLast().applied()).containsExactly("1");
        assertThat(row()).isEmpty(); // golang-migrate's NilVersion: no row
        assertThat(migrator.appliedVersions()).isEmpty();
    }

    @Test
    void should_leave_the_version_dirty_after_a_failing_file_as_the_tool_does_with_the_whole_file_rolled_back() {
        Migrator migrator = migrator();

        assertThatThrownBy(migrator::migrateAll)
                .isInstanceOfSatisfying(HarnessException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageStartingWith("10_broken.up.sql line 2: ERROR: division by zero");

        assertThat(row()).isEqualTo("10:true");
        assertThat(migrator.appliedVersions()).containsExactly("1", "2");
        // one Exec is one implicit transaction: the column added before the failing statement is gone too
        assertThat(Sql.column(database, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'phone'"))
                .containsExactly("0");
    }
}
