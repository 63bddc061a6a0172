package org.migrationharness.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.Script;
import org.migrationharness.source.TimestampedFormat;

/**
 * The platform's timestamped scripts as {@code psql -f} (or {@code \i}) runs them: statement by statement, each
 * committed on its own, so the script's own {@code BEGIN; ... COMMIT;} is honoured and a
 * {@code CREATE INDEX CONCURRENTLY} outside it works. No tool keeps a table for these scripts, so the harness keeps
 * {@code harness_timestamped_migrations(version, script, applied_at)} (or {@code history-table:}): a row is inserted
 * after a script ran and deleted after its rollback ran.
 */
public final class TimestampedRunner implements MigrationRunner {

    @Override
    public String format() {
        return TimestampedFormat.ID;
    }

    @Override
    public OnDatabase on(MigrationSet set, Database database) {
        return new Bound(set, database);
    }

    private static final class Bound extends ScriptRunner {

        Bound(MigrationSet set, Database database) {
            super(set, database);
        }

        @Override
        public Execution execution(Migration migration, Script script, boolean up) {
            return Execution.AUTOCOMMIT;
        }

        @Override
        protected Bookkeeping bookkeeping(MigrationSet set) {
            return new Rows(set);
        }
    }

    /** One row per applied script, in the order applied. */
    private static final class Rows implements Bookkeeping {

        private final MigrationSet set;
        private final String table;

        Rows(MigrationSet set) {
            this.set = set;
            this.table = Bookkeeping.qualifiedName(set, TimestampedFormat.DEFAULT_TABLE);
        }

        @Override
        public String table() {
            return table;
        }

        @Override
        public void create(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (version text PRIMARY KEY,"
                        + " script text NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp())");
            }
        }

        @Override
        public List<String> applied(Connection connection) throws SQLException {
            List<String> versions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT version FROM " + table + " ORDER BY applied_at, version")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            return versions;
        }

        @Override
        public void applied(Connection connection, Migration migration) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (version, script) VALUES (?, ?)")) {
                insert.setString(1, migration.version().text());
                insert.setString(2, DisplayPath.of(set.directory().relativize(migration.up().file())));
                insert.execute();
            }
        }

        @Override
        public void reverted(Connection connection, Migration migration) throws SQLException {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE version = ?")) {
                delete.setString(1, migration.version().text());
                delete.execute();
            }
        }
    }
}
