package org.migrationharness.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.sql.Names;

/**
 * The table a migration tool keeps in the database to know what it applied, updated exactly as that tool updates it.
 * Every method runs on the connection it is given, inside the transaction of the script where there is one.
 */
public interface Bookkeeping {

    /** The table, schema-qualified and quoted, for messages. */
    String table();

    /**
     * The schema-qualified, quoted name of a set's bookkeeping table: {@code history-table:} in harness.yaml, else the
     * tool's own name, in the service's default schema.
     */
    static String qualifiedName(MigrationSet set, String toolDefault) {
        return Names.quote(set.config().defaultSchema()) + "."
                + Names.quote(set.config().historyTableOr(toolDefault));
    }

    /** Creates the table (and its schema) if it does not exist, as the tool does on its first run. */
    void create(Connection connection) throws SQLException;

    /** The applied versions in the order they were applied ({@link Migration#version()}'s text). */
    List<String> applied(Connection connection) throws SQLException;

    /** Before a script runs (golang-migrate marks the version dirty here). Nothing by default. */
    default void starting(Connection connection, Migration migration, boolean up) throws SQLException {
    }

    /** Records an applied up script. */
    void applied(Connection connection, Migration migration) throws SQLException;

    /** Records a reverted migration (its down script ran). */
    void reverted(Connection connection, Migration migration) throws SQLException;

    /** After a script failed, on a connection of its own (golang-migrate leaves the version dirty). Nothing by default. */
    default void failed(Connection connection, Migration migration, boolean up) throws SQLException {
    }

    /**
     * After a script failed, with the server's error (Prisma writes it to {@code logs}); by default
     * {@link #failed(Connection, Migration, boolean)}.
     */
    default void failed(Connection connection, Migration migration, boolean up, SQLException error) throws SQLException {
        failed(connection, migration, up);
    }
}
