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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.GooseFormat;
import org.migrationharness.source.GooseFormat.Annotation;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.Script;

/**
 * goose's semantics for SQL migrations: the statements of a section are sent one by one (split as the harness splits
 * them, a {@code -- +goose StatementBegin ... -- +goose StatementEnd} block sent as one statement), all in one
 * transaction with the bookkeeping row, or each on its own when the file holds {@code -- +goose NO TRANSACTION} (for
 * both sections, as goose reads it). {@code -- +goose ENVSUB ON} replaces {@code ${VAR}} (and {@code ${VAR:-default}},
 * {@code ${VAR-default}}) with the environment's value in the lines after it, until {@code -- +goose ENVSUB OFF}; an
 * unset variable becomes empty, as goose's envsubst does. The bookkeeping is today's goose: the table
 * {@code goose_db_version(id, version_id, is_applied, tstamp)} created with a row for version 0, a row
 * {@code (version, true)} inserted on up, the version's rows deleted on down.
 */
public final class GooseRunner implements MigrationRunner {

    @Override
    public String format() {
        return GooseFormat.ID;
    }

    @Override
    public OnDatabase on(MigrationSet set, Database database) {
        return new Bound(set, database, System::getenv);
    }

    /** For tests: a runner whose ENVSUB reads {@code environment} instead of the process's. */
    static OnDatabase on(MigrationSet set, Database database, Function<String, String> environment) {
        return new Bound(set, database, environment);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}");

    private static final class Bound extends ScriptRunner {

        private final Function<String, String> environment;
        private final Map<Path, List<String>> files = new HashMap<>();

        Bound(MigrationSet set, Database database, Function<String, String> environment) {
            super(set, database);
            this.environment = environment;
        }

        @Override
        public Execution execution(Migration migration, Script script, boolean up) {
            boolean noTransaction = lines(script).stream().anyMatch(l -> Annotation.of(l) == Annotation.NO_TRANSACTION);
            return noTransaction ? Execution.AUTOCOMMIT : Execution.TRANSACTION;
        }

        @Override
        protected Bookkeeping bookkeeping(MigrationSet set) {
            return new VersionTable(set);
        }

        @Override
        protected String outsideTransaction(Migration migration, Script script, boolean up) {
            return "add the line \"-- +goose NO TRANSACTION\" at the top of " + script.fileName()
                    + " (goose then runs its statements one by one, each on its own)";
        }

        /** The section with {@code ${VAR}} replaced where ENVSUB is on; one line for one line. */
        @Override
        public String text(Script script) {
            List<String> file = lines(script);
            boolean on = false;
            for (int i = 0; i < Math.min(script.firstLine() - 1, file.size()); i++) {
                on = toggle(file.get(i), on);
            }
            StringBuilder out = new StringBuilder();
            for (String line : script.text().split("\n", -1)) {
                Annotation annotation = Annotation.of(line);
                if (annotation == Annotation.ENVSUB_ON || annotation == Annotation.ENVSUB_OFF) {
                    on = annotation == Annotation.ENVSUB_ON;
                    out.append(line);
                } else {
                    out.append(on ? substitute(line) : line);
                }
                out.append('\n');
            }
            return out.substring(0, out.length() - 1);
        }

        private static boolean toggle(String line, boolean on) {
            Annotation annotation = Annotation.of(line);
            return annotation == Annotation.ENVSUB_ON || annotation != Annotation.ENVSUB_OFF && on;
        }

        private String substitute(String line) {
            Matcher matcher = VARIABLE.matcher(line);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = environment.apply(matcher.group(1));
                if (matcher.group(2) != null && (value == null || matcher.group(2).equals(":-") && value.isEmpty())) {
                    value = matcher.group(3);
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        /** Split as the harness splits, except that a StatementBegin ... StatementEnd block is one statement. */
        @Override
        protected List<SqlStatement> statements(Migration migration, Script script) {
            String[] lines = text(script).split("\n", -1);
            List<SqlStatement> statements = new ArrayList<>();
            StringBuilder chunk = new StringBuilder();
            int chunkStart = 1;
            StringBuilder block = null;
            int blockLine = 0;
            for (int i = 0; i < lines.length; i++) {
                int line = i + 1;
                Annotation annotation = Annotation.of(lines[i]);
                if (annotation == Annotation.STATEMENT_BEGIN && block == null) {
                    add(statements, chunk.toString(), chunkStart);
                    block = new StringBuilder();
                    blockLine = 0;
                } else if (annotation == Annotation.STATEMENT_END && block != null) {
                    String written = block.toString().strip();
                    String sql = written.endsWith(";") ? written.substring(0, written.length() - 1).stripTrailing()
                            : written;
                    if (!sql.isEmpty()) {
                        statements.add(new SqlStatement(sql, blockLine, 1 + indentOf(block), written));
                    }
                    block = null;
                    chunk = new StringBuilder();
                    chunkStart = line + 1;
                } else if (block != null) {
                    String stripped = lines[i].strip();
                    if (blockLine == 0 && (stripped.isEmpty() || stripped.startsWith("--"))) {
                        continue; // goose drops the comments and blank lines before a statement
                    }
                    if (blockLine == 0) {
                        blockLine = line;
                    }
                    block.append(lines[i]).append('\n');
                } else {
                    chunk.append(lines[i]).append('\n');
                }
            }
            add(statements, chunk.toString(), chunkStart);
            return statements;
        }

        private static void add(List<SqlStatement> statements, String chunk, int firstLine) {
            for (SqlStatement statement : SqlScript.split(chunk)) {
                statements.add(statement.shifted(firstLine - 1));
            }
        }

        private static int indentOf(CharSequence block) {
            int k = 0;
            while (k < block.length() && (block.charAt(k) == ' ' || block.charAt(k) == '\t')) {
                k++;
            }
            return k;
        }

        /** The whole file of a section, as goose reads it for NO TRANSACTION and ENVSUB. */
        private List<String> lines(Script script) {
            return files.computeIfAbsent(script.file(), file -> {
                try {
                    return new String(Files.readAllBytes(file), set.config().encoding()).lines().toList();
                } catch (IOException e) {
                    throw new HarnessException(ErrorCode.INPUT, "Cannot read " + DisplayPath.of(file) + ": "
                            + e.getMessage(), file, 0, e);
                }
            });
        }
    }

    /** {@code goose_db_version}: a row per applied version, as goose v3 writes it. */
    private static final class VersionTable implements Bookkeeping {

        private final String table;

        VersionTable(MigrationSet set) {
            this.table = Bookkeeping.qualifiedName(set, GooseFormat.DEFAULT_TABLE);
        }

        @Override
        public String table() {
            return table;
        }

        /** As goose's first run: the table, and the row of version 0 in the same transaction. */
        @Override
        public void create(Connection connection) throws SQLException {
            try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?)")) {
                exists.setString(1, table);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        return;
                    }
                }
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + table + " (id integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,"
                        + " version_id bigint NOT NULL, is_applied boolean NOT NULL,"
                        + " tstamp timestamp NOT NULL DEFAULT now())");
                statement.execute("INSERT INTO " + table + " (version_id, is_applied) VALUES (0, true)");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }

        @Override
        public List<String> applied(Connection connection) throws SQLException {
            List<String> versions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT version_id FROM " + table
                         + " WHERE version_id <> 0 AND is_applied ORDER BY id")) {
                while (rs.next()) {
                    versions.add(String.valueOf(rs.getLong(1)));
                }
            }
            return versions;
        }

        @Override
        public void applied(Connection connection, Migration migration) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (version_id, is_applied) VALUES (?, true)")) {
                insert.setLong(1, Long.parseLong(migration.version().text()));
                insert.execute();
            }
        }

        @Override
        public void reverted(Connection connection, Migration migration) throws SQLException {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE version_id = ?")) {
                delete.setLong(1, Long.parseLong(migration.version().text()));
                delete.execute();
            }
        }
    }
}
