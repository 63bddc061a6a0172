package org.migrationharness.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.apply.SqlScript;
import org.migrationharness.apply.SqlStatement;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.seed.TableCatalog.Column;
import org.migrationharness.seed.TableCatalog.ForeignKey;
import org.migrationharness.seed.TableCatalog.Table;
import org.migrationharness.source.MigrationSet;

/**
 * Loads the seeds of one environment into a database, in one transaction: every file or none.
 *
 * <h2>Files</h2>
 * {@code <seeds>/common/} then {@code <seeds>/<environment>/}, each in name order (see {@link SeedFolder}). SQL files
 * ({@code *.sql}) run statement by statement, split like migrations, with the service's default schema first on the
 * search path. Row fixtures ({@code *.yaml}, {@code *.yml}, {@code *.json}) are upserts by natural key:
 *
 * <pre>
 * table: products                 # unqualified: the service's default schema; or catalog_service.products
 * key: [slug]                     # the natural key: existing rows are matched on it
 * update: false                   # matched rows: false (default) leaves them, true sets the fixture's values
 * defaults:                       # optional: values for every row that does not give the column
 *   id: {sql: "gen_random_uuid()::text"}
 *   updated_at: {sql: now()}
 * rows:
 *   - slug: wireless-headphones
 *     name: Wireless Headphones
 *     category_id: {ref: categories, slug: headphones}   # the id of the categories row whose slug is headphones
 *     attributes: {color: Black}                         # json/jsonb columns take any YAML/JSON value as the document
 *     tags: [audio, wireless]                            # array columns take a list
 * </pre>
 *
 * <p>Values: a scalar is the column type's text input ({@code 299.99}, {@code ACTIVE}, {@code 2025-01-15T09:00:00Z});
 * {@code null} is NULL; a list fills an array column; for json and jsonb columns the value is the JSON document.
 * {@code {ref: TABLE, COLUMN: VALUE, ...}} is the referenced column of the one row of TABLE with those natural key values
 * (the column the foreign key on this column points at, else TABLE's single-column primary key); key values may be
 * references again. {@code {sql: EXPRESSION}} is an SQL expression evaluated on insert only: an update never compares
 * or sets it (use it for generated ids and timestamps). Columns with a default or identity are simply left out.
 *
 * <h2>Order</h2>
 * Row fixtures load in foreign-key order, derived from the catalog (pg_constraint) and the references the rows make,
 * whatever their file names; files of the same table keep their name order, and rows of a table that refer to rows of
 * the same table (a category tree) load parents first. An SQL file is a barrier: the row fixtures named before it load
 * before it, those named after it load after it.
 *
 * <h2>Safety</h2>
 * Nothing is ever deleted or truncated. A problem in a fixture (unknown table, column or reference, a cycle, a key that
 * matches several rows) fails with {@link ErrorCode#INPUT}; a statement the server rejects fails with
 * {@link ErrorCode#MIGRATION_FAILED}. Both name the file and the row (index, natural key and line) or the line of the
 * statement, and leave the database as it was.
 */
public final class SeedLoader {

    private static final Pattern INSERT = Pattern.compile("(?is)^INSERT\\s+INTO\\s+((?:\"[^\"]+\"|[A-Za-z0-9_$]+)(?:\\.(?:\"[^\"]+\"|[A-Za-z0-9_$]+))?)");
    private static final Pattern UPDATE = Pattern.compile("(?is)^UPDATE\\s+(?:ONLY\\s+)?((?:\"[^\"]+\"|[A-Za-z0-9_$]+)(?:\\.(?:\"[^\"]+\"|[A-Za-z0-9_$]+))?)");
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?is)^(BEGIN|COMMIT|ROLLBACK|START\\s+TRANSACTION|END|SAVEPOINT|RELEASE|ABORT|PREPARE\\s+TRANSACTION)\\b.*");
    private static final Pattern DESTRUCTIVE = Pattern.compile("(?is)^(DELETE\\s+FROM|TRUNCATE)\\b.*");

    private SeedLoader() {
    }

    /**
     * Loads {@code common/} and {@code environment}'s seeds from {@code seedsFolder} into {@code database}, which must
     * hold the set's schema.
     *
     * @return what was inserted, updated and left unchanged per table
     * @throws HarnessException {@link ErrorCode#INPUT} for a bad fixture or missing folder, {@link ErrorCode#MIGRATION_FAILED}
     *         when the server rejects a row or statement, {@link ErrorCode#ENVIRONMENT} when the database cannot be reached
     */
    public static SeedResult load(Database database, MigrationSet set, Path seedsFolder, String environment,
                                  SeedOptions options) {
        SeedOptions effective = options == null ? SeedOptions.defaults() : options;
        List<Path> files = new SeedFolder(seedsFolder).files(environment);
        List<Object> parsed = new ArrayList<>();
        for (Path file : files) {
            parsed.add(FixtureReader.isRowFixture(file) ? FixtureReader.read(file) : new SqlFile(file, read(file)));
        }
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (java.sql.Statement timeouts = connection.createStatement()) {
                timeouts.execute(set.config().timeouts().effective().setStatements());
            }
            try {
                Load load = new Load(connection, new TableCatalog(connection, set.config().defaultSchema()), effective);
                List<Path> order = load.run(parsed);
                SeedResult result = new SeedResult(environment, order, new ArrayList<>(load.counts.values()),
                        effective.dryRun());
                if (effective.dryRun()) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not load the " + environment + " seeds into "
                        + database.name() + ": " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Lost the connection to " + database.name()
                    + " while loading seeds: " + e.getMessage(), e);
        }
    }

    /** Loads for real with default options. */
    public static SeedResult load(Database database, MigrationSet set, Path seedsFolder, String environment) {
        return load(database, set, seedsFolder, environment, SeedOptions.defaults());
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read " + DisplayPath.of(file) + ": " + e.getMessage(), e);
        }
    }

    /** An SQL seed file. */
    private record SqlFile(Path file, String text) {
    }

    /** A value of a row as the fixture gives it, typed by its column. */
    private sealed interface Value permits Literal, Ref, Expression {
    }

    /** A literal: the column type's text input, a list for an array, a JSON document for json/jsonb. */
    private record Literal(JsonNode node) implements Value {
    }

    /** {@code {ref: table, key: value...}}: the target column of the referenced table's row with that natural key. */
    private record Ref(Table table, String targetColumn, Map<String, Value> key) implements Value {
    }

    /** {@code {sql: expression}}: evaluated on insert only. */
    private record Expression(String sql) implements Value {
    }

    /** A row with its values typed by the catalog. */
    private record PlannedRow(RowFixture.Row row, Map<String, Value> values, String label) {
    }

    /** A row fixture checked against the catalog. */
    private record PlannedFixture(RowFixture fixture, Table table, List<PlannedRow> rows, Set<String> dependsOn,
                                  int position) {
    }

    /**
     * Stands for a reference to a row of the fixture's own table that is not loaded yet: the row waits for a later
     * pass. Compared by identity.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String PENDING_SELF_REFERENCE = new String("pending self reference");

    /** One load: its connection, catalog, counts and resolved references. */
    private static final class Load {

        private final Connection connection;
        private final TableCatalog catalog;
        private final SeedOptions options;
        private final Map<String, TableCount> counts = new LinkedHashMap<>();
        private final Map<String, String> resolved = new HashMap<>();

        Load(Connection connection, TableCatalog catalog, SeedOptions options) {
            this.connection = connection;
            this.catalog = catalog;
            this.options = options;
        }

        List<Path> run(List<Object> files) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT set_config('search_path', quote_ident(?) || ', ' || current_setting('search_path'), true)")) {
                statement.setString(1, catalog.defaultSchema());
                statement.execute();
            }
            // check every fixture against the catalog before writing anything
            List<Object> planned = new ArrayList<>();
            int position = 0;
            for (Object file : files) {
                planned.add(file instanceof RowFixture fixture ? plan(fixture, position) : file);
                position++;
            }
            List<Path> order = new ArrayList<>();
            List<PlannedFixture> group = new ArrayList<>();
            for (Object item : planned) {
                if (item instanceof PlannedFixture fixture) {
                    group.add(fixture);
                } else {
                    for (PlannedFixture fixture : sort(group)) {
                        loadFixture(fixture);
                        order.add(fixture.fixture().file());
                    }
                    group.clear();
                    SqlFile sql = (SqlFile) item;
                    runSql(sql);
                    order.add(sql.file());
                }
            }
            for (PlannedFixture fixture : sort(group)) {
                loadFixture(fixture);
                order.add(fixture.fixture().file());
            }
            return order;
        }

        // ---- planning: what the fixture's names mean ------------------------------------------------------------

        private PlannedFixture plan(RowFixture fixture, int position) throws SQLException {
            Path file = fixture.file();
            Table table = catalog.table(fixture.table()).orElseThrow(() -> unknownTable(file, fixture.table(), 0, null));
            for (String column : fixture.key()) {
                if (!table.columns().containsKey(column)) {
                    throw input(file, 0, "the key column '" + column + "' is not a column of " + table.qualified()
                            + ".\nIts columns: " + String.join(", ", table.columns().keySet()) + ". Fix 'key:'.");
                }
            }
            Set<String> dependsOn = new LinkedHashSet<>();
            List<PlannedRow> rows = new ArrayList<>();
            Map<String, Integer> keys = new HashMap<>();
            for (RowFixture.Row row : fixture.rows()) {
                Map<String, JsonNode> raw = fixture.valuesOf(row);
                String label = label(fixture, row, raw);
                String where = DisplayPath.of(file) + " row " + row.index() + " (" + label
                        + (row.line() > 0 ? ", line " + row.line() : "") + ")";
                Map<String, Value> values = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> entry : raw.entrySet()) {
                    Column column = table.columns().get(entry.getKey());
                    if (column == null) {
                        throw new HarnessException(ErrorCode.INPUT, where + ": unknown column '" + entry.getKey()
                                + "' in " + table.qualified() + ".\nIts columns: " + String.join(", ", table.columns().keySet())
                                + ".\nFix the column's name in the fixture, or migrate the database if the column is new.",
                                file, row.line(), null);
                    }
                    if (column.generatedAlways()) {
                        throw new HarnessException(ErrorCode.INPUT, where + ": column " + column.name() + " of "
                                + table.qualified() + " is " + ("s".equals(column.generated()) ? "GENERATED ALWAYS AS (...) STORED"
                                : "GENERATED ALWAYS AS IDENTITY") + " and takes no value.\nLeave it out: other rows refer to this "
                                + "row by its natural key, e.g. {ref: " + table.name() + ", " + fixture.key().get(0) + ": ...}.",
                                file, row.line(), null);
                    }
                    values.put(column.name(), parse(entry.getValue(), table, column, where, file, row.line(), dependsOn));
                }
                for (String keyColumn : fixture.key()) {
                    if (!values.containsKey(keyColumn)) {
                        throw new HarnessException(ErrorCode.INPUT, where + ": no value for the key column '" + keyColumn
                                + "'.\nEvery row needs its natural key (" + String.join(", ", fixture.key())
                                + ") to be matched on the next load; give it (or set it under defaults:).", file, row.line(), null);
                    }
                    if (values.get(keyColumn) instanceof Expression) {
                        throw new HarnessException(ErrorCode.INPUT, where + ": the key column '" + keyColumn
                                + "' is an {sql: ...} expression, which cannot match the row again on the next load.\n"
                                + "Give the natural key as plain values.", file, row.line(), null);
                    }
                }
                List<String> missing = missing(table, values);
                if (!missing.isEmpty() && !fixture.update()) {
                    throw new HarnessException(ErrorCode.INPUT, where + ": no value for " + String.join(", ", missing)
                            + " of " + table.qualified() + " (NOT NULL without a default).\nGive "
                            + (missing.size() == 1 ? "it" : "them") + " in the row or under defaults:, e.g. "
                            + missing.get(0) + ": {sql: now()} for a timestamp.", file, row.line(), null);
                }
                String keyText = fixture.key().stream().map(k -> String.valueOf(raw.get(k))).collect(Collectors.joining("\u0000"));
                Integer earlier = keys.putIfAbsent(keyText, row.index());
                if (earlier != null) {
                    throw new HarnessException(ErrorCode.INPUT, where + ": rows " + earlier + " and " + row.index()
                            + " have the same natural key (" + label + ").\nA natural key names one row: remove one of them, "
                            + "or widen 'key:'.", file, row.line(), null);
                }
                for (ForeignKey fk : table.foreignKeys()) {
                    if (fk.columns().stream().anyMatch(c -> values.get(c) != null
                            && !(values.get(c) instanceof Literal l && l.node().isNull()))) {
                        dependsOn.add(fk.target());
                    }
                }
                rows.add(new PlannedRow(row, values, label));
            }
            dependsOn.remove(table.qualified());
            return new PlannedFixture(fixture, table, rows, dependsOn, position);
        }

        private static List<String> missing(Table table, Map<String, Value> values) {
            return table.columns().values().stream().filter(c -> !c.optional() && !values.containsKey(c.name()))
                    .map(Column::name).toList();
        }

        private Value parse(JsonNode node, Table table, Column column, String where, Path file, int line,
                            Set<String> dependsOn) throws SQLException {
            if (column.json() || !node.isObject()) {
                if (node.isArray() && !column.array() && !column.json()) {
                    throw new HarnessException(ErrorCode.INPUT, where + ": column " + column.name() + " is "
                            + column.type() + ", but the value is a list.\nA list fits array, json and jsonb columns only.",
                            file, line, null);
                }
                return new Literal(node);
            }
            if (node.size() == 1 && node.has("sql")) {
                if (!node.get("sql").isTextual() || node.get("sql").asText().isBlank()) {
                    throw new HarnessException(ErrorCode.INPUT, where + ": column " + column.name()
                            + ": {sql: ...} takes an SQL expression as a string, e.g. {sql: now()}.", file, line, null);
                }
                return new Expression(node.get("sql").asText());
            }
            if (!node.has("ref")) {
                throw new HarnessException(ErrorCode.INPUT, where + ": column " + column.name() + " is " + column.type()
                        + ", but the value is a mapping.\nA mapping is a reference {ref: TABLE, KEY_COLUMN: VALUE}, an SQL "
                        + "expression {sql: ...}, or a document for a json or jsonb column.", file, line, null);
            }
            return reference(node, table, column.name(), where, file, line, dependsOn);
        }

        private Ref reference(JsonNode node, Table from, String column, String where, Path file, int line,
                              Set<String> dependsOn) throws SQLException {
            String shown = "{ref: " + node.get("ref").asText() + "}";
            if (!node.get("ref").isTextual() || node.size() < 2) {
                throw new HarnessException(ErrorCode.INPUT, where + ": column " + column + ": a reference names the table "
                        + "and the natural key of the row it refers to, e.g. {ref: categories, slug: headphones}.", file, line, null);
            }
            Table target = catalog.table(node.get("ref").asText())
                    .orElseThrow(() -> unknownTable(file, node.get("ref").asText(), line, where + ": column " + column
                            + " refers to"));
            String targetColumn = from.foreignKey(column, target.qualified()).map(fk -> fk.targetColumns().get(0))
                    .orElseGet(() -> target.primaryKey().size() == 1 ? target.primaryKey().get(0) : null);
            if (targetColumn == null) {
                throw new HarnessException(ErrorCode.INPUT, where + ": column " + column + " refers to " + target.qualified()
                        + ", but no foreign key of " + column + " points there and " + target.qualified()
                        + " has no single-column primary key, so it is unclear which of its columns to take.\n"
                        + "Give the value itself.", file, line, null);
            }
            Map<String, Value> key = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("ref")) {
                    continue;
                }
                Column keyColumn = target.columns().get(field.getKey());
                if (keyColumn == null) {
                    throw new HarnessException(ErrorCode.INPUT, where + ": column " + column + ": the reference " + shown
                            + " matches on '" + field.getKey() + "', which is not a column of " + target.qualified()
                            + ".\nIts columns: " + String.join(", ", target.columns().keySet()) + ".", file, line, null);
                }
                Value value = field.getValue().isObject() && !keyColumn.json()
                        ? reference(field.getValue(), target, keyColumn.name(), where, file, line, dependsOn)
                        : new Literal(field.getValue());
                key.put(keyColumn.name(), value);
            }
            dependsOn.add(target.qualified());
            return new Ref(target, targetColumn, key);
        }

        private HarnessException unknownTable(Path file, String written, int line, String context) {
            String schema = written.contains(".") ? written.substring(0, written.indexOf('.')) : catalog.defaultSchema();
            String tables;
            try {
                tables = String.join(", ", catalog.tablesIn(schema));
            } catch (SQLException e) {
                tables = "(could not list them: " + e.getMessage() + ")";
            }
            String qualified = written.contains(".") ? written : schema + "." + written;
            String prefix = context != null ? context : DisplayPath.of(file) + ": 'table: " + written + "' names";
            return new HarnessException(ErrorCode.INPUT, prefix + " the unknown table " + qualified + ".\nTables in "
                    + schema + ": " + (tables.isEmpty() ? "none (is the database migrated?)" : tables)
                    + ".\nFix the table's name, or migrate the database if the table is new.", file, line, null);
        }

        private static String label(RowFixture fixture, RowFixture.Row row, Map<String, JsonNode> values) {
            return fixture.key().stream().map(k -> k + "=" + show(values.get(k))).collect(Collectors.joining(", "));
        }

        private static String show(JsonNode node) {
            if (node == null) {
                return "(missing)";
            }
            if (node.isTextual()) {
                return node.asText();
            }
            if (node.isObject() && node.has("ref")) {
                StringBuilder out = new StringBuilder(node.get("ref").asText()).append('(');
                List<String> parts = new ArrayList<>();
                node.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("ref")) {
                        parts.add(e.getKey() + "=" + show(e.getValue()));
                    }
                });
                return out.append(String.join(", ", parts)).append(')').toString();
            }
            return node.toString();
        }

        // ---- ordering --------------------------------------------------------------------------------------------

        private List<PlannedFixture> sort(List<PlannedFixture> group) {
            List<PlannedFixture> remaining = new ArrayList<>(group);
            List<PlannedFixture> sorted = new ArrayList<>();
            while (!remaining.isEmpty()) {
                PlannedFixture next = null;
                for (PlannedFixture candidate : remaining) {
                    boolean ready = remaining.stream().noneMatch(other -> other != candidate
                            && (candidate.dependsOn().contains(other.table().qualified())
                            || other.table().qualified().equals(candidate.table().qualified())
                            && other.position() < candidate.position()));
                    if (ready) {
                        next = candidate;
                        break;
                    }
                }
                if (next == null) {
                    throw cycle(remaining);
                }
                sorted.add(next);
                remaining.remove(next);
            }
            return sorted;
        }

        private HarnessException cycle(List<PlannedFixture> remaining) {
            Map<String, PlannedFixture> byTable = new LinkedHashMap<>();
            remaining.forEach(f -> byTable.putIfAbsent(f.table().qualified(), f));
            List<String> path = new ArrayList<>();
            String current = remaining.get(0).table().qualified();
            while (!path.contains(current)) {
                path.add(current);
                PlannedFixture fixture = byTable.get(current);
                current = fixture.dependsOn().stream().filter(byTable::containsKey).findFirst().orElseThrow();
            }
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
            loop.add(current);
            String shown = loop.stream().map(t -> t + " (" + byTable.get(t).fixture().file().getFileName() + ")")
                    .collect(Collectors.joining(" -> "));
            PlannedFixture first = byTable.get(loop.get(0));
            return new HarnessException(ErrorCode.INPUT, "The row fixtures refer to each other in a cycle, so no order "
                    + "can load them: " + shown + ".\nBreak the cycle: leave one of these references out of its row fixture "
                    + "and set it in an SQL seed file named after the fixtures (UPDATE ... SET x_id = (SELECT id FROM ... "
                    + "WHERE slug = '...')).", first.fixture().file(), 0, null);
        }

        // ---- loading ---------------------------------------------------------------------------------------------

        private void loadFixture(PlannedFixture planned) {
            RowFixture fixture = planned.fixture();
            Table table = planned.table();
            options.listener().fileStarted(fixture.file(), table.qualified());
            long inserted = 0;
            long updated = 0;
            long unchanged = 0;
            List<PlannedRow> pending = planned.rows();
            while (!pending.isEmpty()) {
                List<PlannedRow> waiting = new ArrayList<>();
                for (PlannedRow row : pending) {
                    Map<String, Object> bound = bind(planned, row, true);
                    if (bound == null) {
                        waiting.add(row);
                        continue;
                    }
                    switch (upsert(planned, row, bound)) {
                        case INSERTED -> inserted++;
                        case UPDATED -> updated++;
                        default -> unchanged++;
                    }
                }
                if (waiting.size() == pending.size()) {
                    bind(planned, waiting.get(0), false);
                    throw new IllegalStateException("a reference that was pending resolved on the last pass");
                }
                pending = waiting;
            }
            TableCount count = new TableCount(table.qualified(), inserted, updated, unchanged);
            counts.merge(table.qualified(), count, TableCount::plus);
            options.listener().fileFinished(fixture.file(), List.of(count));
        }

        private enum Outcome { INSERTED, UPDATED, UNCHANGED }

        /**
         * The row's values as text (or {@link Expression}s), references resolved; null when {@code deferSelf} and the
         * row refers to a row of its own table that is not loaded yet.
         */
        private Map<String, Object> bind(PlannedFixture planned, PlannedRow row, boolean deferSelf) {
            Map<String, Object> bound = new LinkedHashMap<>();
            for (Map.Entry<String, Value> entry : row.values().entrySet()) {
                Column column = planned.table().columns().get(entry.getKey());
                Value value = entry.getValue();
                if (value instanceof Expression expression) {
                    bound.put(column.name(), expression);
                } else {
                    String text = text(planned, row, column, value, deferSelf);
                    if (text == PENDING_SELF_REFERENCE) {
                        return null;
                    }
                    bound.put(column.name(), text);
                }
            }
            return bound;
        }

        private String text(PlannedFixture planned, PlannedRow row, Column column, Value value, boolean deferSelf) {
            if (value instanceof Literal literal) {
                return literal(planned, row, column, literal.node());
            }
            Ref ref = (Ref) value;
            return resolve(planned, row, column.name(), ref, deferSelf);
        }

        private String resolve(PlannedFixture planned, PlannedRow row, String column, Ref ref, boolean deferSelf) {
            Map<String, String> key = new LinkedHashMap<>();
            for (Map.Entry<String, Value> entry : ref.key().entrySet()) {
                Column keyColumn = ref.table().columns().get(entry.getKey());
                String text = text(planned, row, keyColumn, entry.getValue(), deferSelf);
                if (text == PENDING_SELF_REFERENCE) {
                    return text;
                }
                key.put(keyColumn.name(), text);
            }
            String cacheKey = ref.table().qualified() + "\u0000" + ref.targetColumn() + "\u0000" + key;
            String cached = resolved.get(cacheKey);
            if (cached != null) {
                return cached;
            }
            StringBuilder sql = new StringBuilder("SELECT CAST(").append(TableCatalog.quote(ref.targetColumn()))
                    .append(" AS text) FROM ").append(ref.table().sql()).append(" WHERE ");
            List<String> parameters = new ArrayList<>();
            sql.append(where(ref.table(), key, parameters)).append(" LIMIT 2");
            List<String> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                bindAll(statement, parameters, 1);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw failed(planned, row, "could not look up the reference of column " + column + " in "
                        + ref.table().qualified(), e);
            }
            String shown = "{ref: " + ref.table().name() + ", " + key.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")) + "}";
            if (found.isEmpty()) {
                if (deferSelf && ref.table().qualified().equals(planned.table().qualified())) {
                    return PENDING_SELF_REFERENCE;
                }
                throw new HarnessException(ErrorCode.INPUT, where(planned, row) + ": column " + column + " refers to "
                        + shown + ", but " + ref.table().qualified() + " has no row with "
                        + key.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(" and "))
                        + ".\nAdd that row to a fixture of this environment or of common/ (it loads first whatever the "
                        + "file names), or fix the reference.", planned.fixture().file(), row.row().line(), null);
            }
            if (found.size() > 1) {
                throw new HarnessException(ErrorCode.INPUT, where(planned, row) + ": column " + column + " refers to "
                        + shown + ", which matches more than one row of " + ref.table().qualified()
                        + ".\nRefer to the row by columns that are unique (a natural key).", planned.fixture().file(),
                        row.row().line(), null);
            }
            resolved.put(cacheKey, found.get(0));
            return found.get(0);
        }

        private Outcome upsert(PlannedFixture planned, PlannedRow row, Map<String, Object> bound) {
            Table table = planned.table();
            Map<String, String> key = new LinkedHashMap<>();
            for (String column : planned.fixture().key()) {
                key.put(column, (String) bound.get(column));
            }
            List<String> keyParameters = new ArrayList<>();
            String keyWhere = where(table, key, keyParameters);
            long matches;
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM " + table.sql()
                    + " WHERE " + keyWhere)) {
                bindAll(statement, keyParameters, 1);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    matches = rs.getLong(1);
                }
            } catch (SQLException e) {
                throw failed(planned, row, "could not look the row up in " + table.qualified() + " by its natural key", e);
            }
            if (matches > 1) {
                throw new HarnessException(ErrorCode.INPUT, where(planned, row) + ": the natural key ("
                        + String.join(", ", planned.fixture().key()) + ") matches " + matches + " rows of "
                        + table.qualified() + ", so the row cannot be matched.\nA natural key must name one row: choose "
                        + "columns that are unique, ideally with a unique constraint.", planned.fixture().file(),
                        row.row().line(), null);
            }
            if (matches == 0) {
                List<String> missing = missing(table, row.values());
                if (!missing.isEmpty()) {
                    throw new HarnessException(ErrorCode.INPUT, where(planned, row) + ": no row of " + table.qualified()
                            + " has this natural key, and the fixture cannot insert one without " + String.join(", ", missing)
                            + " (NOT NULL without a default).\nAn update: true fixture that gives only some columns "
                            + "updates rows loaded before it (e.g. from common/): load the row first, or give "
                            + (missing.size() == 1 ? "that column" : "those columns") + ".", planned.fixture().file(),
                            row.row().line(), null);
                }
                insert(planned, row, bound);
                return Outcome.INSERTED;
            }
            if (!planned.fixture().update()) {
                return Outcome.UNCHANGED;
            }
            List<String> compared = bound.entrySet().stream()
                    .filter(e -> !key.containsKey(e.getKey()) && !(e.getValue() instanceof Expression))
                    .map(Map.Entry::getKey).toList();
            if (compared.isEmpty()) {
                return Outcome.UNCHANGED;
            }
            List<String> assignments = new ArrayList<>();
            List<String> parameters = new ArrayList<>();
            List<String> differs = new ArrayList<>();
            List<String> differParameters = new ArrayList<>();
            for (String name : compared) {
                Column column = table.columns().get(name);
                assignments.add(TableCatalog.quote(name) + " = CAST(? AS " + column.type() + ")");
                parameters.add((String) bound.get(name));
                differs.add("CAST(" + TableCatalog.quote(name) + " AS text) IS DISTINCT FROM CAST(CAST(? AS "
                        + column.type() + ") AS text)");
                differParameters.add((String) bound.get(name));
            }
            String sql = "UPDATE " + table.sql() + " SET " + String.join(", ", assignments) + " WHERE " + keyWhere
                    + " AND (" + String.join(" OR ", differs) + ")";
            parameters.addAll(keyParameters);
            parameters.addAll(differParameters);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bindAll(statement, parameters, 1);
                return statement.executeUpdate() > 0 ? Outcome.UPDATED : Outcome.UNCHANGED;
            } catch (SQLException e) {
                throw failed(planned, row, "could not update " + table.qualified(), e);
            }
        }

        private void insert(PlannedFixture planned, PlannedRow row, Map<String, Object> bound) {
            Table table = planned.table();
            List<String> columns = new ArrayList<>();
            List<String> values = new ArrayList<>();
            List<String> parameters = new ArrayList<>();
            for (Map.Entry<String, Object> entry : bound.entrySet()) {
                Column column = table.columns().get(entry.getKey());
                columns.add(TableCatalog.quote(column.name()));
                if (entry.getValue() instanceof Expression expression) {
                    values.add("CAST((" + expression.sql() + ") AS " + column.type() + ")");
                } else {
                    values.add("CAST(? AS " + column.type() + ")");
                    parameters.add((String) entry.getValue());
                }
            }
            String sql = "INSERT INTO " + table.sql() + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", values) + ")";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bindAll(statement, parameters, 1);
                statement.executeUpdate();
            } catch (SQLException e) {
                throw failed(planned, row, "could not insert into " + table.qualified(), e);
            }
        }

        private static String where(Table table, Map<String, String> key, List<String> parameters) {
            List<String> conditions = new ArrayList<>();
            for (Map.Entry<String, String> entry : key.entrySet()) {
                Column column = table.columns().get(entry.getKey());
                if (entry.getValue() == null) {
                    conditions.add(TableCatalog.quote(column.name()) + " IS NULL");
                } else {
                    conditions.add(TableCatalog.quote(column.name()) + " = CAST(? AS " + column.type() + ")");
                    parameters.add(entry.getValue());
                }
            }
            return String.join(" AND ", conditions);
        }

        private static void bindAll(PreparedStatement statement, List<String> parameters, int first) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i) == null) {
                    statement.setNull(first + i, Types.VARCHAR);
                } else {
                    statement.setString(first + i, parameters.get(i));
                }
            }
        }

        private String literal(PlannedFixture planned, PlannedRow row, Column column, JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (column.json()) {
                try {
                    return FixtureReader.json().writeValueAsString(node);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (node.isArray()) {
                return array(planned, row, column, node);
            }
            return scalar(node);
        }

        private static String scalar(JsonNode node) {
            return node.isFloatingPointNumber() ? node.decimalValue().toPlainString() : node.asText();
        }

        /** A PostgreSQL array literal: {@code {"a","b",NULL}}, nested lists for more dimensions. */
        private String array(PlannedFixture planned, PlannedRow row, Column column, JsonNode node) {
            StringBuilder out = new StringBuilder("{");
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (i > 0) {
                    out.append(',');
                }
                if (element.isNull()) {
                    out.append("NULL");
                } else if (element.isArray()) {
                    out.append(array(planned, row, column, element));
                } else if (element.isObject()) {
                    throw new HarnessException(ErrorCode.INPUT, where(planned, row) + ": column " + column.name()
                            + " is " + column.type() + ", but element " + (i + 1) + " of its list is a mapping.\n"
                            + "Array elements are plain values.", planned.fixture().file(), row.row().line(), null);
                } else {
                    out.append('"').append(scalar(element).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
            }
            return out.append('}').toString();
        }

        private static String where(PlannedFixture planned, PlannedRow row) {
            return DisplayPath.of(planned.fixture().file()) + " row " + row.row().index() + " (" + row.label()
                    + (row.row().line() > 0 ? ", line " + row.row().line() : "") + ")";
        }

        private static HarnessException failed(PlannedFixture planned, PlannedRow row, String what, SQLException e) {
            String state = e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")";
            return new HarnessException(ErrorCode.MIGRATION_FAILED, where(planned, row) + ": " + what + ": "
                    + e.getMessage().strip() + state + "\nFix the row's values; nothing of this load was kept.",
                    planned.fixture().file(), row.row().line(), e);
        }

        private static HarnessException input(Path file, int line, String message) {
            return new HarnessException(ErrorCode.INPUT, DisplayPath.of(file) + (line > 0 ? " line " + line : "") + ": "
                    + message, file, line, null);
        }

        // ---- SQL files -------------------------------------------------------------------------------------------

        private void runSql(SqlFile sql) {
            Path file = sql.file();
            options.listener().fileStarted(file, null);
            List<SqlStatement> statements = SqlScript.split(sql.text());
            for (SqlStatement statement : statements) {
                String text = withoutLeadingComments(statement.sql());
                if (TRANSACTION_CONTROL.matcher(text).matches()) {
                    throw input(file, statement.line(), "'" + firstLine(text) + "' controls the transaction, but the "
                            + "seed loader runs every file of a load in one transaction.\nRemove it.");
                }
                if (statement.nonTransactional()) {
                    throw input(file, statement.line(), "'" + firstLine(text) + "' cannot run inside a transaction, "
                            + "and the seed loader runs every file of a load in one.\nMove it into a migration.");
                }
                if (DESTRUCTIVE.matcher(text).matches()) {
                    throw input(file, statement.line(), "'" + firstLine(text) + "' deletes rows, and seeds never "
                            + "delete or truncate.\nRemove it; make the inserts idempotent instead (INSERT ... ON CONFLICT DO NOTHING).");
                }
            }
            Map<String, TableCount> fileCounts = new LinkedHashMap<>();
            for (SqlStatement statement : statements) {
                String text = withoutLeadingComments(statement.sql());
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.sql());
                    long changed = Math.max(0, jdbc.getLargeUpdateCount());
                    Matcher insert = INSERT.matcher(text);
                    Matcher update = UPDATE.matcher(text);
                    if (insert.find()) {
                        String table = qualify(insert.group(1));
                        fileCounts.merge(table, new TableCount(table, changed, 0, 0), TableCount::plus);
                    } else if (update.find()) {
                        String table = qualify(update.group(1));
                        fileCounts.merge(table, new TableCount(table, 0, changed, 0), TableCount::plus);
                    }
                } catch (SQLException e) {
                    String state = e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")";
                    throw new HarnessException(ErrorCode.MIGRATION_FAILED, DisplayPath.of(file) + " line "
                            + statement.line() + ": " + e.getMessage().strip() + state + "\nStatement: "
                            + firstLine(text) + "\nFix the statement; nothing of this load was kept.", file,
                            statement.line(), e);
                }
            }
            fileCounts.values().forEach(c -> counts.merge(c.table(), c, TableCount::plus));
            options.listener().fileFinished(file, List.copyOf(fileCounts.values()));
        }

        private String qualify(String name) {
            String clean = name.replace("\"", "");
            return clean.contains(".") ? clean : catalog.defaultSchema() + "." + clean;
        }

        private static String withoutLeadingComments(String sql) {
            return sql.replaceAll("(?s)^(\\s*(--[^\n]*\n|/\\*.*?\\*/))*\\s*", "");
        }

        private static String firstLine(String sql) {
            String line = sql.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
            return line.length() > 100 ? line.substring(0, 97) + "..." : line;
        }
    }
}
