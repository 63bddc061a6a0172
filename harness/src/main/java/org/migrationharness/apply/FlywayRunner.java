package org.migrationharness.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.FlywayFormat;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationVersion;
import org.migrationharness.source.RepeatableMigration;
import org.migrationharness.source.Script;
import org.migrationharness.source.Timeouts;
import org.migrationharness.sql.Names;

/**
 * Flyway's semantics: up is applied by Flyway itself, so placeholders, checksums, callbacks and transaction handling
 * behave as in a production deploy. Down is run by the harness (Flyway Community has no undo): it executes the
 * {@code U} script, in one transaction unless a statement cannot run in one or its script configuration file says
 * {@code executeInTransaction=false} (then statement by statement, each committing on its own, so the script's own
 * {@code BEGIN; SET TRANSACTION ...; COMMIT;} is honoured), and removes the version from Flyway's history table in
 * the same transaction, so a later migrate applies the version again. Repeatables are applied only
 * when migrating to the latest version, and every undo queues them again.
 */
public final class FlywayRunner implements MigrationRunner {

    @Override
    public String format() {
        return FlywayFormat.ID;
    }

    @Override
    public OnDatabase on(MigrationSet set, Database database) {
        return new Bound(set, database);
    }

    private static final class Bound implements OnDatabase {

        private final MigrationSet set;
        private final Database database;
        /** Whether {@link #step} may run scripts itself: looked up on the first step (it reads the folder). */
        private Boolean direct;

        Bound(MigrationSet set, Database database) {
            this.set = set;
            this.database = database;
        }

        private Timeouts timeouts() {
            return set.config().timeouts().effective();
        }

        @Override
        public String bookkeeping() {
            return Names.quote(set.config().defaultSchema()) + "." + Names.quote(FlywayFormat.historyTable(set.config()));
        }

        @Override
        public List<String> appliedVersions() {
            try (Connection connection = database.connect()) {
                if (!historyExists(connection)) {
                    return List.of();
                }
                List<String> versions = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT version FROM " + bookkeeping()
                             + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
                    while (rs.next()) {
                        versions.add(rs.getString(1));
                    }
                }
                return versions;
            } catch (SQLException e) {
                throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot read Flyway's history in " + database.name() + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public List<String> migrate(String target, boolean withExtras) {
            FailedStatementCallback failed = new FailedStatementCallback();
            FluentConfiguration configuration = configuration(failed);
            if (target != null) {
                configuration.target(target);
            }
            if (!withExtras) {
                // no file starts with this prefix: Flyway sees no repeatable, and tolerates those applied earlier
                configuration.repeatableSqlMigrationPrefix("R__migration_harness_skips_repeatables")
                        .ignoreMigrationPatterns("repeatable:missing");
            }
            try {
                MigrateResult result = configuration.load().migrate();
                List<String> applied = new ArrayList<>();
                for (MigrateOutput output : result.migrations) {
                    applied.add(output.version == null || output.version.isEmpty() ? output.description : output.version);
                }
                return applied;
            } catch (FlywayException e) {
                throw translate(e, failed.failure());
            }
        }

        private FluentConfiguration configuration(FailedStatementCallback failed) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("flyway.postgresql.transactional.lock", "false");
            properties.put("flyway.table", FlywayFormat.historyTable(set.config()));
            set.config().flyway().forEach((key, value) -> properties.put(key.startsWith("flyway.") ? key : "flyway." + key, value));
            // the timeouts first on every connection Flyway opens; a service's own initSql runs after them
            String ownInitSql = properties.remove("flyway.initSql");
            String initSql = timeouts().setStatements() + (ownInitSql == null ? "" : ";\n" + ownInitSql);
            FluentConfiguration configuration = Flyway.configure(FlywayRunner.class.getClassLoader())
                    .dataSource(database.jdbcUrl(), database.user(), database.password())
                    .locations("filesystem:" + set.directory().toAbsolutePath())
                    .createSchemas(true)
                    .cleanDisabled(true)
                    .validateMigrationNaming(false)
                    .loggers("slf4j")
                    .placeholders(set.config().placeholders())
                    .encoding(set.config().encoding())
                    .initSql(initSql)
                    .callbacks(new RunningScriptCallback(database.name()), failed)
                    .connectRetries(0);
            if (!set.config().schemas().isEmpty()) {
                configuration.schemas(set.config().schemas().toArray(String[]::new));
            }
            return configuration.configuration(properties);
        }

        @Override
        public void undo(Migration migration, Script script) {
            run(script, "down", connection -> removeFromHistory(connection, migration.version()));
        }

        /**
         * One version up, the next pending one, for a walk one version at a time. When Flyway would run the script
         * exactly as the harness runs a down script (no callback scripts in the folder, no Flyway settings beyond the
         * history table and the script settings the harness reads, the history table already created by Flyway), it
         * is run so: the same statements, in one transaction unless the script may not have one, on a connection with
         * the timeouts and Flyway's search path, with the row Flyway would add to its history; this skips Flyway's
         * scan, parse and validation of the whole folder on every call, which made a walk quadratic. Otherwise
         * Flyway applies it.
         */
        @Override
        public List<String> step(Migration migration) {
            if (direct == null) {
                direct = direct(set);
            }
            if (direct && !migration.up().text().toUpperCase(java.util.Locale.ROOT).contains("STDIN")
                    && run(migration.up(), "up", connection -> addToHistory(connection, migration))) {
                return List.of(migration.version().text());
            }
            return migrate(migration.version().text(), false);
        }

        /** Flyway settings the direct path of {@link #step} honours as Flyway does. */
        private static final java.util.Set<String> DIRECT_SETTINGS = java.util.Set.of("table", "executeInTransaction",
                "placeholderReplacement");

        private static boolean direct(MigrationSet set) {
            return set.config().flyway().keySet().stream()
                    .allMatch(key -> DIRECT_SETTINGS.contains(key.startsWith("flyway.") ? key.substring(7) : key))
                    && !FlywayFormat.hasCallbacks(set.directory());
        }

        /** What a script's run does in its transaction after its statements, on the same connection. */
        private interface Bookkeeping {
            void update(Connection connection) throws SQLException;
        }

        /**
         * Runs a script's statements as Flyway runs a script (in one transaction unless its .sql.conf says
         * executeInTransaction=false or a statement cannot run in one; then statement by statement, each committing on
         * its own), then the bookkeeping, in the same transaction.
         *
         * @return false, having done nothing, when on a way up Flyway's history table does not exist yet (Flyway
         *         creates it)
         */
        private boolean run(Script script, String direction, Bookkeeping bookkeeping) {
            List<SqlStatement> statements = SqlScript.split(text(script));
            Path file = script.file();
            boolean transactional = FlywayFormat.executeInTransaction(script, set.config())
                    && statements.stream().noneMatch(SqlStatement::nonTransactional);
            RunningScripts.started(file, direction, database.name());
            try (Connection connection = database.connectAsPsql()) {
                if (direction.equals("up") && !historyExists(connection)) {
                    return false;
                }
                setSearchPath(connection);
                try (Statement session = connection.createStatement()) {
                    session.execute(timeouts().setStatements());
                }
                connection.setAutoCommit(!transactional);
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
                    bookkeeping.update(connection);
                    if (transactional) {
                        connection.commit();
                    }
                    return true;
                } catch (SQLException e) {
                    if (transactional) {
                        connection.rollback();
                    }
                    if (current == null) {
                        throw new HarnessException(ErrorCode.ENVIRONMENT, "Script " + DisplayPath.of(file)
                                + " ran, but " + bookkeeping() + " could not be updated: " + e.getMessage(), e);
                    }
                    ErrorPlace place = ErrorPlace.of(current, e);
                    throw new HarnessException(ErrorCode.MIGRATION_FAILED, ScriptErrors.sqlError(file, place, e, current.sql(),
                            timeouts(), transactional ? outsideTransaction(file) : null), file, place.line(), e);
                }
            } catch (SQLException e) {
                throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot run " + DisplayPath.of(file) + " on database "
                        + database.name() + ": " + e.getMessage(), e);
            } finally {
                RunningScripts.finished();
            }
        }

        /** The row Flyway adds to its history for an applied versioned SQL migration. */
        private void addToHistory(Connection connection, Migration migration) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + bookkeeping()
                    + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
                    + " SELECT coalesce(max(installed_rank), 0) + 1, ?, ?, 'SQL', ?, ?, current_user, 0, true FROM "
                    + bookkeeping())) {
                insert.setString(1, migration.version().text());
                insert.setString(2, migration.description().replace('_', ' '));
                insert.setString(3, set.directory().relativize(migration.up().file()).toString().replace('\\', '/'));
                insert.setInt(4, checksum(migration.up().text()));
                insert.executeUpdate();
            }
        }

        /**
         * Flyway's checksum of a script: a CRC-32 over the UTF-8 bytes of each line without its line break, a byte
         * order mark at the start left out.
         */
        static int checksum(String text) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
            for (String line : body.split("\r\n|\r|\n", -1)) {
                crc.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return (int) crc.getValue();
        }

        /**
         * As Flyway decides: without a transaction when the script's configuration file (or the set's Flyway settings)
         * says {@code executeInTransaction=false}, each statement committing on its own; else in one transaction unless
         * a statement cannot run in one ({@code CREATE INDEX CONCURRENTLY}). Such a script mixing it with statements
         * that can is refused by Flyway unless {@code mixed} is true, and then run without a transaction: either way
         * it never runs in one.
         */
        @Override
        public Execution execution(Migration migration, Script script, boolean up) {
            return FlywayFormat.executeInTransaction(script, set.config()) ? Execution.TRANSACTION_UNLESS_IMPOSSIBLE
                    : Execution.AUTOCOMMIT;
        }

        @Override
        public String text(Script script) {
            if (!FlywayFormat.placeholderReplacement(script, set.config())) {
                return script.text();
            }
            return Placeholders.replace(script.text(), placeholderValues(script.file()), script.file());
        }

        private Map<String, String> placeholderValues(Path file) {
            Map<String, String> values = new HashMap<>(set.config().placeholders());
            values.put("flyway:defaultSchema", set.config().defaultSchema());
            values.put("flyway:user", database.user());
            values.put("flyway:database", database.name());
            values.put("flyway:table", FlywayFormat.historyTable(set.config()));
            values.put("flyway:filename", file.getFileName().toString());
            values.put("flyway:timestamp", Instant.now().toString());
            values.put("flyway:workingDirectory", Path.of("").toAbsolutePath().toString());
            return values;
        }

        private void setSearchPath(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT set_config('search_path', quote_ident(?) || ', ' || current_setting('search_path'), false)")) {
                statement.setString(1, set.config().defaultSchema());
                statement.execute();
            }
        }

        /**
         * Removes the version from the history, and every repeatable with it: a down script may drop what a repeatable
         * created (a view over a dropped column), so the next migrate to the latest version applies the repeatables again.
         */
        private void removeFromHistory(Connection connection, MigrationVersion version) throws SQLException {
            if (!historyExists(connection)) {
                return;
            }
            List<Integer> ranks = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT installed_rank FROM " + bookkeeping()
                         + " WHERE version IS NULL AND type <> 'SCHEMA'")) {
                while (rs.next()) {
                    ranks.add(rs.getInt(1));
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT installed_rank, version FROM " + bookkeeping()
                         + " WHERE version IS NOT NULL")) {
                while (rs.next()) {
                    String text = rs.getString(2);
                    if (MigrationVersion.isValid(text) && MigrationVersion.of(text).sameAs(version)) {
                        ranks.add(rs.getInt(1));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + bookkeeping()
                    + " WHERE installed_rank = ?")) {
                for (int rank : ranks) {
                    delete.setInt(1, rank);
                    delete.executeUpdate();
                }
            }
        }

        private boolean historyExists(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                statement.setString(1, bookkeeping());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        }

        private HarnessException translate(FlywayException e, FailedStatementCallback.Failure failure) {
            SQLException sql = null;
            for (Throwable cause = e; cause != null && sql == null; cause = cause.getCause()) {
                sql = cause instanceof SQLException s ? s : null;
            }
            Path file = failure == null ? null : findScript(failure.script());
            int statementLine = failure == null ? 0 : statementLine(file, failure);
            if (statementLine > 0) {
                ErrorPlace place = placeOf(file, statementLine, failure.sent(), sql);
                String message = ScriptErrors.sqlError(file, place, sql, failure.sent(), timeouts(), outsideTransaction(file));
                return new HarnessException(ErrorCode.MIGRATION_FAILED, message, file, place.line(), e);
            }
            return new HarnessException(ErrorCode.MIGRATION_FAILED, "Flyway could not migrate " + set.name() + ": "
                    + e.getMessage().strip(), e);
        }

        /**
         * The line the failed statement starts on, as Flyway numbers it (the harness's split agrees with Flyway's): the
         * statement at the failure's index when its text is the one Flyway sent, else the first statement that starts
         * where that text is in the file; 0 when the text is not in the script (a failed callback script).
         */
        private int statementLine(Path file, FailedStatementCallback.Failure failure) {
            Optional<Script> script = scripts().filter(s -> s.file().equals(file)).findFirst();
            if (script.isEmpty() || failure.sent() == null || failure.sent().isEmpty()) {
                return 0;
            }
            String text = text(script.get());
            List<SqlStatement> statements = SqlScript.split(text);
            if (failure.index() < statements.size() && sentAt(text, failure.sent(), statements.get(failure.index()))) {
                return statements.get(failure.index()).line();
            }
            return statements.stream().filter(statement -> sentAt(text, failure.sent(), statement)).findFirst()
                    .map(SqlStatement::line).orElse(0);
        }

        /** Whether the statement starts inside an occurrence of {@code sent} in {@code text}. */
        private static boolean sentAt(String text, String sent, SqlStatement statement) {
            int start = offsetOf(text, statement.line(), statement.column());
            for (int from = text.indexOf(sent); from >= 0 && start >= 0 && from <= start; from = text.indexOf(sent, from + 1)) {
                if (start < from + sent.length()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Where a statement Flyway ran failed: Flyway names the line the statement starts on and the text it sent; the
         * server's position in that text gives the error's line, and its column (on the statement's first line, from
         * where the harness's split of the file starts the statement).
         */
        private ErrorPlace placeOf(Path file, int statementLine, String sent, SQLException error) {
            int position = ErrorPlace.position(error);
            Optional<Script> script = scripts().filter(s -> s.file().equals(file)).findFirst();
            if (position <= 0 || sent == null || script.isEmpty()) {
                return new ErrorPlace(statementLine, 0, statementLine);
            }
            // Flyway sends the statement's text as it is in the file (comments before it may be part of it): find it there
            String text = text(script.get());
            int statementStart = -1;
            for (SqlStatement statement : SqlScript.split(text)) {
                if (statement.line() == statementLine) {
                    statementStart = offsetOf(text, statement.line(), statement.column());
                    break;
                }
            }
            for (int from = text.indexOf(sent); from >= 0 && statementStart >= 0; from = text.indexOf(sent, from + 1)) {
                if (from <= statementStart && statementStart < from + Math.max(1, sent.length())) {
                    int line = 1 + (int) text.substring(0, from).chars().filter(c -> c == '\n').count();
                    int column = from - (text.lastIndexOf('\n', from - 1) + 1) + 1;
                    ErrorPlace place = ErrorPlace.within(sent, line, column, position);
                    return new ErrorPlace(place.line(), place.column(), statementLine);
                }
            }
            return new ErrorPlace(statementLine, 0, statementLine);
        }

        /** The 0-based offset in {@code text} of a 1-based line and column. */
        private static int offsetOf(String text, int line, int column) {
            int offset = 0;
            for (int l = 1; l < line && offset >= 0; l++) {
                offset = text.indexOf('\n', offset) + 1;
                if (offset == 0) {
                    return -1;
                }
            }
            return offset + column - 1;
        }

        /** Flyway's way to run one script outside a transaction: its script configuration file. */
        private static String outsideTransaction(Path script) {
            return "create " + script.getFileName() + ".conf next to it holding the line executeInTransaction=false"
                    + " (Flyway's script configuration)";
        }

        private Path findScript(String fileName) {
            if (fileName == null) {
                return null;
            }
            return scripts().filter(s -> s.fileName().equals(fileName)).map(Script::file).findFirst()
                    .orElse(set.directory().resolve(fileName));
        }

        /** The scripts Flyway runs: every up, then the repeatables. */
        private java.util.stream.Stream<Script> scripts() {
            return java.util.stream.Stream.concat(set.migrations().stream().map(Migration::up),
                    set.repeatables().stream().map(RepeatableMigration::script));
        }
    }
}
