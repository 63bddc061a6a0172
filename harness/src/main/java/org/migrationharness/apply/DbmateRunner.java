package org.migrationharness.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.DbmateFormat;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.Script;

/**
 * dbmate's semantics: a section runs in one transaction together with its bookkeeping (the version inserted on up,
 * deleted on down). With {@code transaction:false} on its marker line dbmate sends the section in one
 * {@code Exec} outside any transaction and records the version after it: that is {@link Execution#WHOLE_SCRIPT}
 * (PostgreSQL runs a query of several statements as one implicit transaction, so such a section is best kept to the
 * one statement that needs it, a {@code CREATE INDEX CONCURRENTLY}). The table is
 * {@code schema_migrations(version varchar(128) PRIMARY KEY)}, the version as the file name writes it.
 */
public final class DbmateRunner implements MigrationRunner {

    @Override
    public String format() {
        return DbmateFormat.ID;
    }

    @Override
    public OnDatabase on(MigrationSet set, Database database) {
        return new Bound(set, database);
    }

    private static final class Bound extends ScriptRunner {

        private final Map<Path, List<String>> files = new HashMap<>();

        Bound(MigrationSet set, Database database) {
            super(set, database);
        }

        @Override
        public Execution execution(Migration migration, Script script, boolean up) {
            return DbmateFormat.transactionFalse(script, lines(script.file())) ? Execution.WHOLE_SCRIPT
                    : Execution.TRANSACTION;
        }

        @Override
        protected Bookkeeping bookkeeping(MigrationSet set) {
            return new VersionTable(set);
        }

        @Override
        protected String outsideTransaction(Migration migration, Script script, boolean up) {
            String section = up ? "up" : "down";
            if (execution(migration, script, up) == Execution.WHOLE_SCRIPT) {
                return ownMigrationAdvice("dbmate", "a transaction:false section");
            }
            return "write the section's marker in " + script.fileName() + " as \"-- migrate:" + section
                    + " transaction:false\"";
        }

        private List<String> lines(Path file) {
            return files.computeIfAbsent(file, f -> {
                try {
                    return new String(Files.readAllBytes(f), set.config().encoding()).lines().toList();
                } catch (IOException e) {
                    throw new HarnessException(ErrorCode.INPUT, "Cannot read " + DisplayPath.of(f) + ": "
                            + e.getMessage(), f, 0, e);
                }
            });
        }
    }

    /** {@code schema_migrations(version varchar(128) PRIMARY KEY)}: a row per applied version. */
    private static final class VersionTable implements Bookkeeping {

        private final String table;

        VersionTable(MigrationSet set) {
            this.table = Bookkeeping.qualifiedName(set, DbmateFormat.DEFAULT_TABLE);
        }

        @Override
        public String table() {
            return table;
        }

        @Override
        public void create(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (version varchar(128) PRIMARY KEY)");
            }
        }

        /** dbmate keeps no order of application: the versions in version order. */
        @Override
        public List<String> applied(Connection connection) throws SQLException {
            List<String> versions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT version FROM " + table)) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            versions.sort((a, b) -> new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b)));
            return versions;
        }

        @Override
        public void applied(Connection connection, Migration migration) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (version) VALUES (?)")) {
                insert.setString(1, migration.version().text());
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
