package org.migrationharness.seed;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;
import org.migrationharness.seed.SeedFile.RowsFile;
import org.migrationharness.seed.SeedFile.SqlFile;
import org.migrationharness.source.MigrationSet;

/**
 * Loads the seeds of one environment into a database, in one transaction: every file or none.
 *
 * <h2>Files</h2>
 * {@code <seeds>/common/} then {@code <seeds>/<environment>/}, each in name order (see {@link SeedFolder}). SQL files
 * ({@code *.sql}) run statement by statement, split like migrations, with the service's default schema first on the
 * search path. Row fixtures ({@code *.yaml}, {@code *.yml}, {@code *.json}) are upserts by natural key:
 *
 * <pre>
 * table: products                 # unqualified: the service's default schema; or catalog_service.products
 * key: [slug]                     # the natural key: existing rows are matched on it
 * update: false                   # matched rows: false (default) leaves them, true sets the fixture's values
 * defaults:                       # optional: values for every row that does not give the column
 *   id: {sql: "gen_random_uuid()::text"}
 *   updated_at: {sql: now()}
 * rows:
 *   - slug: wireless-headphones
 *     name: Wireless Headphones
 *     category_id: {ref: categories, slug: headphones}   # the id of the categories row whose slug is headphones
 *     attributes: {color: Black}                         # json/jsonb columns take any YAML/JSON value as the document
 *     tags: [audio, wireless]                            # array columns take a list
 * </pre>
 *
 * <p>Values: a scalar is the column type's text input ({@code 299.99}, {@code ACTIVE}, {@code 2025-01-15T09:00:00Z});
 * {@code null} is NULL; a list fills an array column; for json and jsonb columns the value is the JSON document.
 * {@code {ref: TABLE, COLUMN: VALUE, ...}} is the referenced column of the one row of TABLE with those natural key values
 * (the column the foreign key on this column points at, else TABLE's single-column primary key); key values may be
 * references again. {@code {sql: EXPRESSION}} is an SQL expression evaluated on insert only: an update never compares
 * or sets it (use it for generated ids and timestamps). Columns with a default or identity are simply left out.
 *
 * <h2>Order</h2>
 * Row fixtures load in foreign-key order, derived from the catalog (pg_constraint) and the references the rows make,
 * whatever their file names; files of the same table keep their name order, and rows of a table that refer to rows of
 * the same table (a category tree) load parents first. An SQL file is a barrier: the row fixtures named before it load
 * before it, those named after it load after it.
 *
 * <h2>Safety</h2>
 * Nothing is ever deleted or truncated. A problem in a fixture (unknown table, column or reference, a cycle, a key that
 * matches several rows) fails with {@link ErrorCode#INPUT}; a statement the server rejects fails with
 * {@link ErrorCode#MIGRATION_FAILED}. Both name the file and the row (index, natural key and line) or the line of the
 * statement, and leave the database as it was.
 *
 * <h2>Parts</h2>
 * {@link SeedFile} reads each file; {@link SeedPlanner} checks every row fixture against the catalog before anything
 * is written; {@link LoadOrder} orders the row fixtures between two SQL files; {@link RowUpserter} writes their rows and
 * {@link SqlSeedRunner} runs the SQL files, all on one connection in one transaction.
 */
public final class SeedLoader {

    private SeedLoader() {
    }

    /**
     * Loads {@code common/} and {@code environment}'s seeds from {@code seedsFolder} into {@code database}, which must
     * hold the set's schema. Applies no {@link SeedPolicy}: for databases made for a test; a developer's database is
     * loaded with {@link #load(Database, MigrationSet, Path, String, SeedOptions, SeedPolicy)}.
     *
     * @return what was inserted, updated and left unchanged per table
     * @throws HarnessException {@link ErrorCode#INPUT} for a bad fixture or missing folder, {@link ErrorCode#MIGRATION_FAILED}
     *         when the server rejects a row or statement, {@link ErrorCode#ENVIRONMENT} when the database cannot be reached
     */
    public static SeedResult load(Database database, MigrationSet set, Path seedsFolder, String environment,
                                  SeedOptions options) {
        SeedOptions effective = options == null ? SeedOptions.defaults() : options;
        List<SeedFile> files = new SeedFolder(seedsFolder).files(environment).stream().map(SeedFile::read).toList();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement timeouts = connection.createStatement()) {
                timeouts.execute(set.config().timeouts().effective().setStatements());
            }
            try {
                Map<String, TableCount> counts = new LinkedHashMap<>();
                List<Path> order = run(connection, set.config().defaultSchema(), files, effective, counts);
                SeedResult result = new SeedResult(environment, order, new ArrayList<>(counts.values()),
                        effective.dryRun());
                if (effective.dryRun()) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not load the " + environment + " seeds into "
                        + database.name() + ": " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Lost the connection to " + database.name()
                    + " while loading seeds: " + e.getMessage(), e);
        }
    }

    /** Loads for real with default options, applying no {@link SeedPolicy}. */
    public static SeedResult load(Database database, MigrationSet set, Path seedsFolder, String environment) {
        return load(database, set, seedsFolder, environment, SeedOptions.defaults());
    }

    /**
     * Loads as {@link #load(Database, MigrationSet, Path, String, SeedOptions)} once {@code policy} allows seeding
     * {@code environment} into {@code database}, checked before any file is read or the database connected to.
     *
     * @throws HarnessException {@link ErrorCode#REFUSED} when the policy refuses, naming its rule
     */
    public static SeedResult load(Database database, MigrationSet set, Path seedsFolder, String environment,
                                  SeedOptions options, SeedPolicy policy) {
        policy.check(environment, database.jdbcUrl(), database.user());
        return load(database, set, seedsFolder, environment, options);
    }

    /** Plans every row fixture, then loads the files: SQL files in their place, the row fixtures between them in load order. */
    private static List<Path> run(Connection connection, String defaultSchema, List<SeedFile> files, SeedOptions options,
                                  Map<String, TableCount> counts) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('search_path', quote_ident(?) || ', ' || current_setting('search_path'), true)")) {
            statement.setString(1, defaultSchema);
            statement.execute();
        }
        // check every fixture against the catalog before writing anything
        SeedPlanner planner = new SeedPlanner(new TableCatalog(connection, defaultSchema));
        List<Step> steps = new ArrayList<>();
        for (SeedFile file : files) {
            if (file instanceof RowsFile rows) {
                steps.add(new Rows(planner.plan(rows.fixture())));
            } else if (file instanceof SqlFile sql) {
                steps.add(new Sql(sql));
            }
        }
        RowUpserter upserter = new RowUpserter(connection, options.listener(), counts);
        SqlSeedRunner runner = new SqlSeedRunner(connection, defaultSchema, options.listener(), counts);
        List<Path> order = new ArrayList<>();
        List<PlannedFixture> group = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Rows rows) {
                group.add(rows.fixture());
            } else if (step instanceof Sql sql) {
                loadInOrder(group, upserter, order);
                runner.run(sql.file());
                order.add(sql.file().file());
            }
        }
        loadInOrder(group, upserter, order);
        return order;
    }

    /** Loads the row fixtures named since the last SQL file, in load order, and empties the group. */
    private static void loadInOrder(List<PlannedFixture> group, RowUpserter upserter, List<Path> order) {
        List<LoadOrder.Node> nodes = group.stream().map(PlannedFixture::node).toList();
        for (int position : LoadOrder.of(nodes)) {
            PlannedFixture fixture = group.get(position);
            upserter.load(fixture);
            order.add(fixture.file());
        }
        group.clear();
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** One step of a load: a planned row fixture, or an SQL file (a barrier for the order of row fixtures). */
    private sealed interface Step permits Rows, Sql {
    }

    private record Rows(PlannedFixture fixture) implements Step {
    }

    private record Sql(SqlFile file) implements Step {
    }
}
