package org.migrationharness.benchmark;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateTestingRollbackCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

import org.migrationharness.postgres.Database;

/**
 * Run b: Liquibase's {@code update-testing-rollback} (command {@code updateTestingRollback}, arguments {@code url},
 * {@code username}, {@code password}, {@code changelogFile}) on the formatted SQL changelog, through Liquibase's Java
 * command API in this JVM. It updates every changeset, rolls every one back with its {@code --rollback} lines, and
 * updates again. A listener counts what Liquibase ran and rolled back, and DATABASECHANGELOG and the tables are read
 * afterwards: a run that did less than that fails the benchmark.
 */
final class LiquibaseRun {

    /** Held so that java.util.logging keeps the level (it holds loggers weakly). */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        // no usage data sent during a measurement (nor at all)
        System.setProperty("liquibase.analytics.enabled", "false");
        // the update summary is still made, but logged (below WARNING: not shown), not printed between the results;
        // a system property, because update-testing-rollback runs its updates as commands of their own
        System.setProperty("liquibase.command.showSummaryOutput", "log");
        // Liquibase's INFO lines would drown the results
        LIQUIBASE_LOG.setLevel(Level.WARNING);
    }

    private final GeneratedSet set;

    LiquibaseRun(GeneratedSet set) {
        this.set = set;
    }

    /** Runs update-testing-rollback on the given empty database; returns the wall time in nanoseconds. */
    @SuppressWarnings("try") // the resource accessor's close() declares Exception; it only closes files
    long run(Database database) {
        Counting counts = new Counting();
        long start = System.nanoTime();
        try (DirectoryResourceAccessor files = new DirectoryResourceAccessor(set.liquibase())) {
            Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(), files,
                    Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, () -> {
                CommandScope command = new CommandScope(UpdateTestingRollbackCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, database.jdbcUrl())
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.USERNAME_ARG, database.user())
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, set.changelog())
                        .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, counts)
                        .setOutput(OutputStream.nullOutputStream());
                if (database.password() != null) {
                    command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.PASSWORD_ARG, database.password());
                }
                command.execute();
            });
        } catch (Exception e) {
            throw new BenchmarkException("Liquibase update-testing-rollback failed on " + set.size()
                    + " changesets in database " + database.name() + ": " + e.getMessage(), e);
        }
        long elapsed = System.nanoTime() - start;
        check(database, counts);
        return elapsed;
    }

    /** Liquibase ran every changeset twice and rolled each back once, and the schema and its history are complete. */
    private void check(Database database, Counting counts) {
        int n = set.size();
        if (counts.ran.get() != 2 * n || counts.rolledBack.get() != n) {
            throw new BenchmarkException("Liquibase update-testing-rollback did not do update, rollback, update on "
                    + n + " changesets: it ran " + counts.ran.get() + " (expected " + 2 * n + ") and rolled back "
                    + counts.rolledBack.get() + " (expected " + n + ").");
        }
        long history = count(database, "SELECT count(*) FROM databasechangelog WHERE author = 'bench'");
        long tables = count(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename LIKE 'bench\\_%'");
        if (history != n || tables != set.tables()) {
            throw new BenchmarkException("After Liquibase update-testing-rollback, DATABASECHANGELOG holds " + history
                    + " changesets (expected " + n + ") and the schema " + tables + " tables (expected "
                    + set.tables() + ").");
        }
    }

    private static long count(Database database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new BenchmarkException("Could not read what Liquibase left in " + database.name() + " (" + sql
                    + "): " + e.getMessage(), e);
        }
    }

    /** Counts the changesets Liquibase executed and rolled back. */
    private static final class Counting extends AbstractChangeExecListener {
        private final AtomicInteger ran = new AtomicInteger();
        private final AtomicInteger rolledBack = new AtomicInteger();

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog log, liquibase.database.Database database,
                        ChangeSet.ExecType type) {
            if (type == ChangeSet.ExecType.EXECUTED) {
                ran.incrementAndGet();
            }
        }

        @Override
        public void rolledBack(ChangeSet changeSet, DatabaseChangeLog log, liquibase.database.Database database) {
            rolledBack.incrementAndGet();
        }
    }
}
