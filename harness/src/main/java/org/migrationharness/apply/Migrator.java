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
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationVersion;
import org.migrationharness.source.RepeatableMigration;
import org.migrationharness.source.Timeouts;

/**
 * Moves one database up and down a migration set.
 *
 * <p>Up is applied by Flyway itself, so placeholders, checksums, callbacks and transaction handling behave as in a
 * production deploy. Down is run by the harness (Flyway Community has no undo): it executes the {@code U} script,
 * in one transaction unless a statement cannot run in one, and removes the version from Flyway's history table in the
 * same transaction, so a later migrate applies the version again.
 *
 * <p>A failure throws {@link HarnessException} with {@link ErrorCode#MIGRATION_FAILED}, naming the file, the 1-based
 * line of the failing statement and the server's message.
 */
public final class Migrator {

    /** The history table Flyway keeps, unless {@code flyway: {table: ...}} says otherwise. */
    public static final String DEFAULT_HISTORY_TABLE = "flyway_schema_history";

    private final MigrationSet set;
    private final Database database;
    private final boolean repeatables;

    public Migrator(MigrationSet set, Database database) {
        this(set, database, true);
    }

    private Migrator(MigrationSet set, Database database, boolean repeatables) {
        this.set = set;
        this.database = database;
        this.repeatables = repeatables;
    }

    /**
     * A migrator for the same database that never applies repeatable migrations, even at the latest version: for
     * walking the versioned migrations alone, step by step.
     */
    public Migrator versionedOnly() {
        return new Migrator(set, database, false);
    }

    public MigrationSet set() {
        return set;
    }

    public Database database() {
        return database;
    }

    /** Applies every pending migration, then the repeatables that changed. */
    public ApplyResult migrateAll() {
        return migrate(null);
    }

    /**
     * Applies pending migrations up to and including {@code version}. Repeatable migrations are applied only when
     * {@code version} is the latest: they describe the objects of the newest schema (views over its columns) and
     * would fail, or mean something else, on an older one.
     */
    public ApplyResult migrateTo(String version) {
        requireKnown(version);
        return migrate(version);
    }

    /**
     * Reverts applied migrations, newest first, until the database is at {@code version} ({@code "0"}: reverts all).
     */
    public ApplyResult undoTo(String version) {
        MigrationVersion target = MigrationVersion.of(version);
        if (target.parts().stream().anyMatch(p -> p.signum() != 0)) {
            requireKnown(version);
        }
        String before = currentVersion().orElse(null);
        List<String> reverted = new ArrayList<>();
        for (Migration migration : appliedMigrationsNewestFirst()) {
            if (migration.version().compareTo(target) <= 0) {
                break;
            }
            undo(migration);
            reverted.add(migration.version().text());
        }
        return new ApplyResult(before, currentVersion().orElse(null), reverted);
    }

    /** Reverts the newest applied migration. */
    public ApplyResult undoLast() {
        List<Migration> applied = appliedMigrationsNewestFirst();
        if (applied.isEmpty()) {
            throw new HarnessException(ErrorCode.USAGE, "Nothing to undo: no migration of " + set.name()
                    + " is applied to database " + database.name() + ".");
        }
        String before = currentVersion().orElse(null);
        undo(applied.get(0));
        return new ApplyResult(before, currentVersion().orElse(null), List.of(applied.get(0).version().text()));
    }

    /** The newest successfully applied version, if any. */
    public Optional<String> currentVersion() {
        List<String> versions = appliedVersions();
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The applied versions in the order they were installed, as Flyway recorded them. */
    public List<String> appliedVersions() {
        try (Connection connection = database.connect()) {
            if (!historyExists(connection)) {
                return List.of();
            }
            List<String> versions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT version FROM " + historyTable()
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

    /** The statement and lock timeouts every script runs with: the set's (the run's laid over harness.yaml), else the defaults. */
    public Timeouts timeouts() {
        return set.config().timeouts().effective();
    }

    /** The schema-qualified, quoted name of Flyway's history table. */
    public String historyTable() {
        return quote(set.config().defaultSchema()) + "." + quote(historyTableName());
    }

    private String historyTableName() {
        return set.config().flyway().getOrDefault("table", DEFAULT_HISTORY_TABLE);
    }

    private ApplyResult migrate(String target) {
        String before = currentVersion().orElse(null);
        FluentConfiguration configuration = configuration();
        if (target != null) {
            configuration.target(target);
        }
        boolean latest = target == null
                || set.latestVersion().map(v -> v.sameAs(MigrationVersion.of(target))).orElse(true);
        if (!latest || !repeatables) {
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
            return new ApplyResult(before, currentVersion().orElse(null), applied);
        } catch (FlywayException e) {
            throw translate(e);
        }
    }

    private FluentConfiguration configuration() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("flyway.postgresql.transactional.lock", "false");
        set.config().flyway().forEach((key, value) -> properties.put(key.startsWith("flyway.") ? key : "flyway." + key, value));
        // the timeouts first on every connection Flyway opens; a service's own initSql runs after them
        String ownInitSql = properties.remove("flyway.initSql");
        String initSql = timeouts().setStatements() + (ownInitSql == null ? "" : ";\n" + ownInitSql);
        FluentConfiguration configuration = Flyway.configure(Migrator.class.getClassLoader())
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("filesystem:" + set.directory().toAbsolutePath())
                .createSchemas(true)
                .cleanDisabled(true)
                .validateMigrationNaming(false)
                .loggers("slf4j")
                .placeholders(set.config().placeholders())
                .encoding(set.config().encoding())
                .initSql(initSql)
                .callbacks(new RunningScriptCallback(database.name()))
                .connectRetries(0);
        if (!set.config().schemas().isEmpty()) {
            configuration.schemas(set.config().schemas().toArray(String[]::new));
        }
        return configuration.configuration(properties);
    }

    private void requireKnown(String version) {
        if (!MigrationVersion.isValid(version) || set.migration(version).isEmpty()) {
            throw new HarnessException(ErrorCode.USAGE, "No migration with version '" + version + "' in " + set.name()
                    + ".\nKnown versions: " + set.migrations().stream().map(m -> m.version().text()).toList() + ".");
        }
    }

    private List<Migration> appliedMigrationsNewestFirst() {
        List<Migration> applied = new ArrayList<>();
        for (String version : appliedVersions()) {
            Migration migration = set.migrations().stream()
                    .filter(m -> MigrationVersion.isValid(version) && m.version().sameAs(MigrationVersion.of(version)))
                    .findFirst()
                    .orElseThrow(() -> new HarnessException(ErrorCode.INPUT, "Database " + database.name()
                            + " has version " + version + " applied, which the folder " + DisplayPath.of(set.directory())
                            + " does not hold.\nIt was migrated from other files: migrate it from the same folder."));
            applied.add(0, migration);
        }
        return applied;
    }

    /** Runs one migration's down script and removes its version from the history. */
    private void undo(Migration migration) {
        if (migration.irreversible()) {
            throw new HarnessException(ErrorCode.MIGRATION_FAILED, "Migration " + migration.version()
                    + " is marked irreversible (" + migration.irreversibleReason() + "): it cannot be undone.",
                    migration.down(), 0, null);
        }
        Path down = migration.downScript().orElseThrow(() -> new HarnessException(ErrorCode.MIGRATION_FAILED,
                "Migration " + migration.version() + " (" + migration.up().getFileName() + ") has no down script.\n"
                        + "Add U" + migration.version() + "__" + migration.description() + ".sql beside it, or mark it"
                        + " irreversible with a down script holding only '-- harness:irreversible <reason>'.",
                migration.up(), 0, null));
        List<SqlStatement> statements = SqlScript.split(Placeholders.replace(read(down), placeholderValues(down), down));
        boolean transactional = statements.stream().noneMatch(SqlStatement::nonTransactional);
        RunningScripts.started(down, "down", database.name());
        try (Connection connection = database.connect()) {
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
                        jdbc.execute(statement.sql());
                    }
                }
                current = null;
                removeFromHistory(connection, migration.version());
                if (transactional) {
                    connection.commit();
                }
            } catch (SQLException e) {
                if (transactional) {
                    connection.rollback();
                }
                if (current == null) {
                    throw new HarnessException(ErrorCode.ENVIRONMENT, "Down script " + DisplayPath.of(down)
                            + " ran, but its version could not be removed from " + historyTable() + ": " + e.getMessage(), e);
                }
                throw new HarnessException(ErrorCode.MIGRATION_FAILED, sqlError(down, current.line(), e, current.sql(),
                        timeouts()), down, current.line(), e);
            }
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Cannot run " + DisplayPath.of(down) + " on database "
                    + database.name() + ": " + e.getMessage(), e);
        } finally {
            RunningScripts.finished();
        }
    }

    /**
     * A script of the set as the server receives it: read in the set's encoding (UTF-8 by default), with its {@code ${placeholders}} replaced as
     * Flyway replaces them.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} when it cannot be read or a placeholder has no value
     */
    public String scriptText(Path file) {
        return Placeholders.replace(read(file), placeholderValues(file), file);
    }

    private Map<String, String> placeholderValues(Path file) {
        Map<String, String> values = new HashMap<>(set.config().placeholders());
        values.put("flyway:defaultSchema", set.config().defaultSchema());
        values.put("flyway:user", database.user());
        values.put("flyway:database", database.name());
        values.put("flyway:table", historyTableName());
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
             ResultSet rs = statement.executeQuery("SELECT installed_rank FROM " + historyTable()
                     + " WHERE version IS NULL AND type <> 'SCHEMA'")) {
            while (rs.next()) {
                ranks.add(rs.getInt(1));
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT installed_rank, version FROM " + historyTable()
                     + " WHERE version IS NOT NULL")) {
            while (rs.next()) {
                String text = rs.getString(2);
                if (MigrationVersion.isValid(text) && MigrationVersion.of(text).sameAs(version)) {
                    ranks.add(rs.getInt(1));
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + historyTable()
                + " WHERE installed_rank = ?")) {
            for (int rank : ranks) {
                delete.setInt(1, rank);
                delete.executeUpdate();
            }
        }
    }

    private boolean historyExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, historyTable());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private HarnessException translate(FlywayException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FlywaySqlScriptException script) {
                Path file = findScript(script.getResource() == null ? null : script.getResource().getFilename());
                SQLException sql = script.getCause() instanceof SQLException s ? s : null;
                String message = sqlError(file, script.getLineNumber(), sql, script.getStatement(), timeouts());
                return new HarnessException(ErrorCode.MIGRATION_FAILED, message, file, script.getLineNumber(), e);
            }
        }
        return new HarnessException(ErrorCode.MIGRATION_FAILED, "Flyway could not migrate " + set.name() + ": "
                + e.getMessage().strip(), e);
    }

    private Path findScript(String fileName) {
        if (fileName == null) {
            return null;
        }
        for (Migration migration : set.migrations()) {
            if (migration.up().getFileName().toString().equals(fileName)) {
                return migration.up();
            }
        }
        for (RepeatableMigration repeatable : set.repeatables()) {
            if (repeatable.script().getFileName().toString().equals(fileName)) {
                return repeatable.script();
            }
        }
        return set.directory().resolve(fileName);
    }

    static String sqlError(Path file, int line, SQLException e, String statement, Timeouts timeouts) {
        String serverMessage = (e == null ? "unknown error" : e.getMessage()).strip();
        String state = e == null || e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")";
        String firstLine = statement == null ? "" : statement.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("--")).findFirst().orElse("");
        if (firstLine.length() > 120) {
            firstLine = firstLine.substring(0, 117) + "...";
        }
        String where = file == null ? "" : file.getFileName() + " line " + line + ": ";
        String shownStatement = firstLine.isEmpty() ? "" : "\nStatement: " + firstLine;
        String timeout = ScriptTimeouts.explain(e, timeouts);
        if (timeout != null) {
            return where + timeout + "\nServer: " + serverMessage + state + shownStatement;
        }
        return where + serverMessage + state + shownStatement;
    }

    private String read(Path file) {
        try {
            return Files.readString(file, set.config().encoding());
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read " + DisplayPath.of(file) + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
