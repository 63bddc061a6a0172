package org.migrationharness.apply;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationVersion;
import org.migrationharness.source.Script;
import org.migrationharness.source.Timeouts;
import org.migrationharness.sql.Names;

/**
 * A runner for the formats whose scripts the harness runs itself (every one but Flyway): each script runs as its
 * format's {@link #execution} says, with the statement and lock timeouts, the service's schema first on the search
 * path, and the tool's {@link Bookkeeping} updated in the same transaction where there is one. A failing statement
 * is named by its file and its 1-based line in that file, whatever the format (for a whole-script query, from the
 * server's error position).
 */
public abstract class ScriptRunner implements MigrationRunner.OnDatabase {

    protected final MigrationSet set;
    protected final Database database;

    protected ScriptRunner(MigrationSet set, Database database) {
        this.set = set;
        this.database = database;
    }

    /** The tool's bookkeeping table. */
    protected abstract Bookkeeping bookkeeping(MigrationSet set);

    @Override
    public abstract Execution execution(Migration migration, Script script, boolean up);

    /**
     * How error messages name a script's file: its file name ({@code 10_add_phone.up.sql}); a format whose files
     * share one name ({@code migration.sql}) names the folder too.
     */
    protected String shown(Script script) {
        return script.fileName();
    }

    /**
     * The advice for a tool that sends a whole script (or section) as one query: PostgreSQL runs such a query as one
     * transaction, so a statement that cannot run in one needs a migration of its own.
     *
     * @param tool the tool, e.g. {@code golang-migrate}
     * @param sent what it sends as one query, e.g. the file name
     */
    protected static String ownMigrationAdvice(String tool, String sent) {
        return "put the statement in a migration of its own: " + tool + " sends " + sent
                + " as one query, and PostgreSQL runs a query of several statements as one transaction";
    }

    /**
     * How this format declares a script that must run outside a transaction, told to the user when a statement is
     * refused inside the one the tool opened ({@code add "-- +goose NO TRANSACTION" to 3_x.sql}); null when the tool
     * has no transaction to avoid.
     */
    protected String outsideTransaction(Migration migration, Script script, boolean up) {
        return null;
    }

    @Override
    public String bookkeeping() {
        return bookkeeping(set).table();
    }

    @Override
    public String text(Script script) {
        return script.text();
    }

    /**
     * The statements the tool sends one by one for a script it does not send whole: the harness's split of
     * {@link #text(Script)} by default; a format whose tool groups statements itself (goose's
     * {@code StatementBegin ... StatementEnd}) says so here. Lines are 1-based lines of the script's text.
     */
    protected List<SqlStatement> statements(Migration migration, Script script) {
        return SqlScript.split(text(script));
    }

    /**
     * Reads the versions only: a database without the bookkeeping table (or the service's schema) has none applied and
     * is left as it is, as Flyway's history is read (a refused {@code seed} must change nothing).
     */
    @Override
    public List<String> appliedVersions() {
        try (Connection connection = database.connect()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                statement.setString(1, bookkeeping());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return List.of();
                    }
                }
            }
            return bookkeeping(set).applied(connection);
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot read " + bookkeeping() + " in " + database.name()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The versions applied, creating the service's schemas and the bookkeeping table first, as the tool does on migrate. */
    private List<String> appliedVersionsCreatingBookkeeping() {
        try (Connection connection = connect(false)) {
            bookkeeping(set).create(connection);
            return bookkeeping(set).applied(connection);
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot read " + bookkeeping() + " in " + database.name()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> migrate(String target, boolean withExtras) {
        MigrationVersion until = target == null ? null : MigrationVersion.of(target);
        Set<MigrationVersion> done = new HashSet<>();
        appliedVersionsCreatingBookkeeping().forEach(v -> done.add(MigrationVersion.of(v)));
        List<String> applied = new ArrayList<>();
        for (Migration migration : set.migrations()) {
            if (until != null && migration.version().compareTo(until) > 0) {
                break;
            }
            if (done.stream().anyMatch(v -> v.sameAs(migration.version()))) {
                continue;
            }
            run(migration, migration.up(), true);
            applied.add(migration.version().text());
        }
        return applied;
    }

    @Override
    public void undo(Migration migration, Script down) {
        run(migration, down, false);
    }

    private void run(Migration migration, Script script, boolean up) {
        Execution execution = execution(migration, script, up);
        Bookkeeping bookkeeping = bookkeeping(set);
        RunningScripts.started(script.file(), up ? "up" : "down", database.name());
        try {
            if (execution == Execution.WHOLE_SCRIPT) {
                runWhole(migration, script, up, bookkeeping);
            } else {
                runStatements(migration, script, up, bookkeeping, execution);
            }
        } finally {
            RunningScripts.finished();
        }
    }

    /** The whole text in one simple-protocol query (its own implicit transaction), the bookkeeping apart. */
    private void runWhole(Migration migration, Script script, boolean up, Bookkeeping bookkeeping) {
        try (Connection connection = connect(true)) {
            bookkeeping.create(connection);
            bookkeeping.starting(connection, migration, up);
            try (Statement statement = connection.createStatement()) {
                statement.setEscapeProcessing(false);
                statement.execute(text(script));
            } catch (SQLException e) {
                markFailed(migration, up, bookkeeping, e);
                ErrorPlace place = placeInWhole(connection, script, e);
                throw new HarnessException(ErrorCode.MIGRATION_FAILED, ScriptErrors.sqlError(shown(script), place, e,
                        statementAt(script, place.statementLine()), timeouts(), outsideTransaction(migration, script, up)),
                        script.file(), place.line(), e);
            }
            record(connection, migration, up, bookkeeping, script);
        } catch (SQLException e) {
            throw environment(script, e);
        }
    }

    private void runStatements(Migration migration, Script script, boolean up, Bookkeeping bookkeeping,
                               Execution execution) {
        List<SqlStatement> statements = statements(migration, script);
        boolean transactional = execution == Execution.TRANSACTION
                || execution == Execution.TRANSACTION_UNLESS_IMPOSSIBLE
                && statements.stream().noneMatch(SqlStatement::nonTransactional);
        try (Connection connection = connect(true)) {
            bookkeeping.create(connection);
            connection.setAutoCommit(!transactional);
            bookkeeping.starting(connection, migration, up);
            SqlStatement current = null;
            try {
                for (SqlStatement statement : statements) {
                    current = statement;
                    try (Statement jdbc = connection.createStatement()) {
                        jdbc.setEscapeProcessing(false);
                        jdbc.execute(statement.written());
                    }
                }
                current = null;
                record(connection, migration, up, bookkeeping, script);
                if (transactional) {
                    connection.commit();
                }
            } catch (SQLException e) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                if (current == null) {
                    throw e;
                }
                markFailed(migration, up, bookkeeping, e);
                ErrorPlace place = ErrorPlace.of(current, e).inFile(script.firstLine());
                throw new HarnessException(ErrorCode.MIGRATION_FAILED, ScriptErrors.sqlError(shown(script), place, e,
                        current.sql(), timeouts(), transactional ? outsideTransaction(migration, script, up) : null),
                        script.file(), place.line(), e);
            }
        } catch (SQLException e) {
            throw environment(script, e);
        }
    }

    private static void record(Connection connection, Migration migration, boolean up, Bookkeeping bookkeeping,
                               Script script) throws SQLException {
        if (up) {
            bookkeeping.applied(connection, migration);
        } else {
            bookkeeping.reverted(connection, migration);
        }
    }

    private void markFailed(Migration migration, boolean up, Bookkeeping bookkeeping, SQLException error) {
        try (Connection connection = connect(false)) {
            bookkeeping.failed(connection, migration, up, error);
        } catch (SQLException e) {
            // the failure of the script is what the user needs to see
        }
    }

    private Timeouts timeouts() {
        return set.config().timeouts().effective();
    }

    /**
     * A connection as the tool's: the service's schemas exist and its default schema leads the search path, the
     * timeouts set; {@code simple} sends every query with the simple protocol, as tools that Exec a whole file do.
     */
    protected Connection connect(boolean simple) throws SQLException {
        return connect(set, database, simple);
    }

    /** {@link #connect(boolean)} for any set's scripts: what {@link MeasuredRun} runs a script on. */
    static Connection connect(MigrationSet set, Database database, boolean simple) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        properties.setProperty("ApplicationName", "migration-harness");
        if (simple) {
            properties.setProperty("preferQueryMode", "simple");
        }
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties);
        try (Statement statement = connection.createStatement()) {
            for (String schema : set.config().schemas()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + Names.quote(schema));
            }
            statement.execute(set.config().timeouts().effective().setStatements());
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('search_path', quote_ident(?) || ', ' || current_setting('search_path'), false)")) {
            statement.setString(1, set.config().defaultSchema());
            statement.execute();
        }
        return connection;
    }

    private HarnessException environment(Script script, SQLException e) {
        return new HarnessException(ErrorCode.ENVIRONMENT, "Cannot run " + DisplayPath.of(script.file()) + " on database "
                + database.name() + " (or record it in " + bookkeeping() + "): " + e.getMessage(), e);
    }

    /**
     * Where a whole-script query failed: at the server's error position (a character offset in the query) when it gave
     * one; a runtime error (division by zero, a constraint) has none. The query was rolled back, so when every statement
     * can run in a transaction they are run again one by one inside a transaction that is rolled back, to find the one
     * that fails; otherwise the script's first statement is named.
     */
    private ErrorPlace placeInWhole(Connection connection, Script script, SQLException error) {
        int position = ErrorPlace.position(error);
        if (position > 0) {
            ErrorPlace place = ErrorPlace.within(text(script), 1, 1, position);
            int statementLine = place.line();
            for (SqlStatement statement : SqlScript.split(text(script))) {
                if (statement.line() <= place.line()) {
                    statementLine = statement.line();
                }
            }
            return new ErrorPlace(place.line(), place.column(), statementLine).inFile(script.firstLine());
        }
        List<SqlStatement> statements = SqlScript.split(text(script));
        SqlStatement failing = statements.isEmpty() ? new SqlStatement("", 1) : statements.get(0);
        if (statements.stream().noneMatch(st -> st.nonTransactional() || st.isTransactionControl())) {
            failing = replay(connection, statements).orElse(failing);
        }
        return new ErrorPlace(failing.line(), 0, failing.line()).inFile(script.firstLine());
    }

    private static java.util.Optional<SqlStatement> replay(Connection connection, List<SqlStatement> statements) {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.setEscapeProcessing(false);
            jdbc.execute("BEGIN");
            try {
                for (SqlStatement statement : statements) {
                    try {
                        jdbc.execute(statement.written());
                    } catch (SQLException e) {
                        return java.util.Optional.of(statement);
                    }
                }
            } finally {
                jdbc.execute("ROLLBACK");
            }
        } catch (SQLException e) {
            // the replay itself could not run: name the first statement
        }
        return java.util.Optional.empty();
    }

    /** The statement of the script that starts at or before this line of the file, for the message. */
    private String statementAt(Script script, int lineInFile) {
        String found = null;
        for (SqlStatement statement : SqlScript.split(text(script))) {
            if (script.lineInFile(statement.line()) <= lineInFile) {
                found = statement.sql();
            }
        }
        return found;
    }
}
