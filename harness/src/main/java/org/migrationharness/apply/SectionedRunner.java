package org.migrationharness.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.Script;
import org.migrationharness.source.SectionedFormat;

/**
 * The shared Go migration package's semantics: each section runs in one transaction together with its bookkeeping
 * row, unless a statement cannot run in a transaction block ({@code CREATE INDEX CONCURRENTLY}): then statement by
 * statement. The package keeps {@code schema_migrations(version, name, checksum, applied_at)}: up inserts the row,
 * down deletes it. With {@code checksum_validation} the checksum is the SHA-256 (lower-case hex) of the whole file as
 * it is on disk, and a migration whose recorded checksum differs from its file refuses to migrate
 * ("checksum mismatch"), as the package does.
 */
public final class SectionedRunner implements MigrationRunner {

    @Override
    public String format() {
        return SectionedFormat.ID;
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
            return Execution.TRANSACTION_UNLESS_IMPOSSIBLE;
        }

        @Override
        protected Bookkeeping bookkeeping(MigrationSet set) {
            return new Rows(set);
        }

        @Override
        protected String outsideTransaction(Migration migration, Script script, boolean up) {
            return "this format runs a section outside a transaction only when it holds a statement that cannot run in"
                    + " one (CREATE INDEX CONCURRENTLY, VACUUM, ...); remove the script's own transaction control, or move"
                    + " the statement into a migration of its own that holds such a statement";
        }

        @Override
        public List<String> migrate(String target, boolean withExtras) {
            validateChecksums();
            return super.migrate(target, withExtras);
        }

        /** checksum_validation: an applied file must be the file that was applied. */
        private void validateChecksums() {
            Rows rows = new Rows(set);
            try (Connection connection = connect(false)) {
                rows.create(connection);
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT version, checksum FROM " + rows.table()
                             + " ORDER BY version")) {
                    while (rs.next()) {
                        String version = String.valueOf(rs.getLong(1));
                        String recorded = rs.getString(2);
                        Migration migration = set.migration(version).orElse(null);
                        if (migration == null) {
                            continue;
                        }
                        String now = checksum(migration.up().file());
                        if (!now.equals(recorded)) {
                            throw new HarnessException(ErrorCode.MIGRATION_FAILED, "checksum mismatch for migration "
                                    + version + ": " + DisplayPath.of(migration.up().file()) + " was applied with"
                                    + " checksum " + recorded + " and is now " + now + ".\nThe shared migration package"
                                    + " refuses to migrate (checksum_validation): an applied file must not change;"
                                    + " write a new migration instead.", migration.up().file(), 0, null);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot read " + rows.table() + " in "
                        + database.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The SHA-256 of the whole file, lower-case hex, as the package's checksum. */
    public static String checksum(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read " + DisplayPath.of(file) + ": " + e.getMessage(),
                    file, 0, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code schema_migrations(version, name, checksum, applied_at)}: one row per applied migration. */
    private static final class Rows implements Bookkeeping {

        private final String table;

        Rows(MigrationSet set) {
            this.table = Bookkeeping.qualifiedName(set, SectionedFormat.DEFAULT_TABLE);
        }

        @Override
        public String table() {
            return table;
        }

        @Override
        public void create(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (version integer PRIMARY KEY,"
                        + " name varchar(255) NOT NULL, checksum varchar(64) NOT NULL,"
                        + " applied_at timestamp NOT NULL DEFAULT now())");
            }
        }

        @Override
        public List<String> applied(Connection connection) throws SQLException {
            List<String> versions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT version FROM " + table + " ORDER BY version")) {
                while (rs.next()) {
                    versions.add(String.valueOf(rs.getLong(1)));
                }
            }
            return versions;
        }

        @Override
        public void applied(Connection connection, Migration migration) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (version, name, checksum, applied_at) VALUES (?, ?, ?, now())")) {
                insert.setInt(1, Integer.parseInt(migration.version().text()));
                insert.setString(2, migration.description());
                insert.setString(3, checksum(migration.up().file()));
                insert.execute();
            }
        }

        @Override
        public void reverted(Connection connection, Migration migration) throws SQLException {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE version = ?")) {
                delete.setInt(1, Integer.parseInt(migration.version().text()));
                delete.execute();
            }
        }
    }
}
