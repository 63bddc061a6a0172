package org.migrationharness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaDiff;
import org.migrationharness.schema.SchemaReader;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationVersion;
import org.migrationharness.source.Script;
import org.migrationharness.testing.SharedServer;
import org.migrationharness.testing.Sql;

/**
 * Which earlier down the chain names as the cause of a failure: only one whose step left behind an object that the
 * server's own error names. Real server errors on a real database, after a real partial down.
 */
@DisplayName("chain.down-up: the down that broke a later one")
class ChainEvidenceTests {

    private Database database;
    private StepwiseWalk.Trace regionLeftBehind;

    /** V3 adds customers.region_id with a foreign key to regions; U3 drops only its index, as a partial down would. */
    @BeforeEach
    void a_partial_down_leaves_a_column_and_its_foreign_key() {
        database = SharedServer.get().createDatabase("evidence");
        Sql.execute(database, "CREATE TABLE regions (id int PRIMARY KEY)",
                "CREATE TABLE customers (id int PRIMARY KEY, name text)");
        SchemaSnapshot before = snapshot();
        Sql.execute(database, "ALTER TABLE customers ADD COLUMN region_id int CONSTRAINT fk_customers_region"
                + " REFERENCES regions (id)");
        regionLeftBehind = new StepwiseWalk.Trace(migration("3"), SchemaDiff.between(before, snapshot()));
    }

    @AfterEach
    void drop() {
        SharedServer.get().dropDatabase(database);
    }

    @Test
    void should_name_the_down_whose_left_behind_constraint_the_error_names() {
        HarnessException failure = fail("DROP TABLE regions");

        List<ChainEvidence.Link> links = ChainEvidence.links(failure, List.of(regionLeftBehind));

        assertThat(links).extracting(ChainEvidence.Link::describe)
                .containsExactly("U3, which leaves constraint fk_customers_region of table customers behind");
    }

    @Test
    void should_not_name_a_down_that_left_a_column_of_a_table_when_the_error_names_only_the_table() {
        HarnessException failure = fail("ALTER TABLE customers DROP COLUMN phone");

        assertThat(failure.getCause().getMessage()).contains("customers");
        assertThat(ChainEvidence.links(failure, List.of(regionLeftBehind))).isEmpty();
    }

    @Test
    void should_name_the_down_whose_left_behind_column_an_up_then_collides_with() {
        HarnessException failure = fail("ALTER TABLE customers ADD COLUMN region_id int");

        assertThat(ChainEvidence.links(failure, List.of(regionLeftBehind))).extracting(ChainEvidence.Link::describe)
                .containsExactly("U3, which leaves column region_id of table customers behind");
    }

    @Test
    void should_read_the_names_an_error_gives_quoted_or_after_a_kind_of_object() {
        assertThat(ChainEvidence.namesIn("ERROR: cannot drop table products because other objects depend on it\n"
                + "  Detail: constraint fk_order_lines_product on table public.order_lines depends on table products"))
                .containsExactly("products", "fk_order_lines_product", "public.order_lines", "public", "order_lines");
        assertThat(ChainEvidence.namesIn("ERROR: relation \"Order Lines\" already exists"))
                .containsExactly("Order Lines");
    }

    private SchemaSnapshot snapshot() {
        return SchemaReader.read(database, List.of(), Set.of());
    }

    /** The statement run on the database after the partial down, failing as the server says, wrapped as a runner does. */
    private HarnessException fail(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            return new HarnessException(ErrorCode.MIGRATION_FAILED, "U2__x.sql line 1: " + e.getMessage(),
                    Path.of("U2__x.sql"), 1, e);
        }
        throw new AssertionError(sql + " did not fail");
    }

    private static Migration migration(String version) {
        return new Migration(MigrationVersion.of(version), "x", new Script(Path.of("V" + version + "__x.sql"), 1,
                "V" + version, ""), new Script(Path.of("U" + version + "__x.sql"), 1, "U" + version, ""), null);
    }
}
