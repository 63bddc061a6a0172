package org.migrationharness.apply;

import java.io.IOException;
import java.nio.file.Files;
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
import java.util.UUID;

import org.migrationharness.postgres.Database;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.PrismaFormat;
import org.migrationharness.source.Script;

/**
 * Prisma Migrate's semantics. {@code prisma migrate deploy} sends a {@code migration.sql} whole, as one
 * multi-statement query (PostgreSQL runs it as one implicit transaction; a file that holds only
 * {@code CREATE INDEX CONCURRENTLY} runs alone), and so does {@code prisma db execute --file down.sql}, the documented
 * way to run a down migration.
 *
 * <p>{@code _prisma_migrations} is written as Prisma writes it: before the script runs, a row with a random UUID
 * {@code id}, the SHA-256 {@code checksum} of the file (hex), the {@code migration_name} (the folder's name),
 * {@code started_at = now()} and {@code applied_steps_count = 0}; after it succeeded, {@code finished_at = now()} and
 * {@code applied_steps_count = 1}; after it failed, the server's error in {@code logs} and {@code finished_at} left
 * null (Prisma then refuses to deploy until {@code migrate resolve}).
 *
 * <p>On undo the harness does what Prisma's down-migration workflow leaves: the down script runs
 * ({@code db execute}), then the row is marked as {@code prisma migrate resolve --rolled-back} marks it,
 * {@code rolled_back_at = now()}. The row stays: Prisma ignores rolled-back rows, so re-applying the migration writes
 * a new row, as {@code migrate deploy} does after a rollback. (Prisma's {@code resolve --rolled-back} accepts only a
 * failed migration; the harness marks a successfully applied one the same way, the only state in which Prisma applies
 * the migration again.) Applied migrations are the rows with {@code finished_at} set and {@code rolled_back_at} null.
 */
public final class PrismaRunner implements MigrationRunner {

    @Override
    public String format() {
        return PrismaFormat.ID;
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
            return new MigrationsTable(set);
        }

        @Override
        protected String outsideTransaction(Migration migration, Script script, boolean up) {
            return ownMigrationAdvice("Prisma", shown(script));
        }

        /** Every up script is a migration.sql: named with its folder, {@code 20240101120000_init/migration.sql}. */
        @Override
        protected String shown(Script script) {
            return script.label();
        }
    }

    /** {@code _prisma_migrations}: one row per attempt to apply a migration. */
    private static final class MigrationsTable implements Bookkeeping {

        private final MigrationSet set;
        private final String table;
        private String started;

        MigrationsTable(MigrationSet set) {
            this.set = set;
            this.table = Bookkeeping.qualifiedName(set, PrismaFormat.DEFAULT_TABLE);
        }

        @Override
        public String table() {
            return table;
        }

        /** Prisma's table for PostgreSQL, column for column. */
        @Override
        public void create(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                        + "\"id\" VARCHAR(36) PRIMARY KEY NOT NULL, "
                        + "\"checksum\" VARCHAR(64) NOT NULL, "
                        + "\"finished_at\" TIMESTAMPTZ, "
                        + "\"migration_name\" VARCHAR(255) NOT NULL, "
                        + "\"logs\" TEXT, "
                        + "\"rolled_back_at\" TIMESTAMPTZ, "
                        + "\"started_at\" TIMESTAMPTZ NOT NULL DEFAULT now(), "
                        + "\"applied_steps_count\" INTEGER NOT NULL DEFAULT 0)");
            }
        }

        @Override
        public List<String> applied(Connection connection) throws SQLException {
            List<String> versions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT migration_name FROM " + table
                         + " WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, finished_at")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    set.migrations().stream().filter(m -> name(m).equals(name)).findFirst()
                            .ifPresent(m -> versions.add(m.version().text()));
                }
            }
            return versions;
        }

        @Override
        public void starting(Connection connection, Migration migration, boolean up) throws SQLException {
            if (!up) {
                return; // db execute writes nothing
            }
            started = UUID.randomUUID().toString();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, now(), 0)")) {
                insert.setString(1, started);
                insert.setString(2, checksum(migration.up()));
                insert.setString(3, name(migration));
                insert.execute();
            }
        }

        @Override
        public void applied(Connection connection, Migration migration) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = ?")) {
                update.setString(1, started);
                update.execute();
            }
        }

        /** As {@code prisma migrate resolve --rolled-back}: the applied row marked, not deleted. */
        @Override
        public void reverted(Connection connection, Migration migration) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET rolled_back_at = now() WHERE migration_name = ? AND rolled_back_at IS NULL")) {
                update.setString(1, name(migration));
                update.execute();
            }
        }

        @Override
        public void failed(Connection connection, Migration migration, boolean up, SQLException error)
                throws SQLException {
            if (!up || started == null) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET logs = ? WHERE id = ?")) {
                update.setString(1, "Database error code: " + error.getSQLState() + "\n\nDatabase error:\n"
                        + error.getMessage());
                update.setString(2, started);
                update.execute();
            }
        }

        /** The folder's name, as Prisma's {@code migration_name}. */
        private static String name(Migration migration) {
            return migration.up().file().getParent().getFileName().toString();
        }

        /** The SHA-256 of the file's bytes, in lower-case hex, as Prisma's {@code checksum}. */
        private static String checksum(Script script) throws SQLException {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(script.file())));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new SQLException("Cannot compute the checksum of " + script.file() + ": " + e.getMessage(), e);
            }
        }
    }
}
