package org.migrationharness.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.migrationharness.postgres.Database;
import org.migrationharness.source.GolangMigrateFormat;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.Script;

/**
 * golang-migrate's semantics: each file is sent whole in one {@code Exec} (so a file that holds only
 * {@code CREATE INDEX CONCURRENTLY} works, and so does one with its own {@code BEGIN; ... COMMIT;}), and the tool
 * keeps one row {@code (version, dirty)}: before a file runs it writes the target version with {@code dirty = true},
 * after it succeeded {@code dirty = false}; a failed file leaves the database dirty, as the tool does (and the tool
 * then refuses to migrate until someone forces a version).
 */
public final class GolangMigrateRunner implements MigrationRunner {

    @Override
    public String format() {
        return GolangMigrateFormat.ID;
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
            return Execution.WHOLE_SCRIPT;
        }

        @Override
        protected Bookkeeping bookkeeping(MigrationSet set) {
            return new VersionRow(set);
        }

        @Override
        protected String outsideTransaction(Migration migration, Script script, boolean up) {
            return ownMigrationAdvice("golang-migrate", script.fileName());
        }
    }

    /** {@code schema_migrations(version bigint, dirty boolean)}: one row, the current version. */
    private static final class VersionRow implements Bookkeeping {

        private final MigrationSet set;
        private final String table;

        VersionRow(MigrationSet set) {
            this.set = set;
            this.table = Bookkeeping.qualifiedName(set, GolangMigrateFormat.DEFAULT_TABLE);
        }

        @Override
        public String table() {
            return table;
        }

        @Override
        public void create(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + table
                        + " (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)");
            }
        }

        /** Every version up to the current one; the current one only if it is not dirty. */
        @Override
        public List<String> applied(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT version, dirty FROM " + table + " LIMIT 1")) {
                if (!rs.next()) {
                    return List.of();
                }
                long current = rs.getLong(1);
                boolean dirty = rs.getBoolean(2);
                return set.migrations().stream()
                        .filter(m -> Long.parseLong(m.version().text()) < current
                                || Long.parseLong(m.version().text()) == current && !dirty)
                        .map(m -> m.version().text())
                        .toList();
            }
        }

        @Override
        public void starting(Connection connection, Migration migration, boolean up) throws SQLException {
            set(connection, up ? migration : previous(migration), true);
        }

        @Override
        public void applied(Connection connection, Migration migration) throws SQLException {
            set(connection, migration, false);
        }

        @Override
        public void reverted(Connection connection, Migration migration) throws SQLException {
            set(connection, previous(migration), false);
        }

        /** The migration before this one in the set, or null for the first: golang-migrate's NilVersion. */
        private Migration previous(Migration migration) {
            Migration before = null;
            for (Migration each : set.migrations()) {
                if (each.version().compareTo(migration.version()) >= 0) {
                    break;
                }
                before = each;
            }
            return before;
        }

        /** As golang-migrate's SetVersion: the table emptied, then the one row written (none for NilVersion). */
        private void set(Connection connection, Migration version, boolean dirty) throws SQLException {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE " + table);
                if (version != null) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                            + " (version, dirty) VALUES (?, ?)")) {
                        insert.setLong(1, Long.parseLong(version.version().text()));
                        insert.setBoolean(2, dirty);
                        insert.execute();
                    }
                }
                if (autoCommit) {
                    connection.commit();
                }
            } finally {
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            }
        }
    }
}
