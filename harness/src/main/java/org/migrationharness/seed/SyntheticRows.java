package org.migrationharness.seed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.schema.SchemaSnapshot.Column;
import org.migrationharness.schema.SchemaSnapshot.CompositeType;
import org.migrationharness.schema.SchemaSnapshot.Constraint;
import org.migrationharness.schema.SchemaSnapshot.Domain;
import org.migrationharness.schema.SchemaSnapshot.Table;
import org.migrationharness.sql.Names;

/**
 * Synthetic rows for every table of a migrated schema, generated from the catalog, so a migration can be measured on
 * tables that already hold rows, as in production.
 *
 * <p>Each table gets one {@code INSERT ... SELECT ... FROM generate_series(...) ON CONFLICT DO NOTHING}, run on the
 * server, then {@code ANALYZE}. Every value is derived from the row's number and the seed, so the values of a column
 * are distinct (primary keys and unique constraints hold, composite ones too) and the same seed gives the same rows.
 * Identity, generated and serial ({@code nextval}) columns are left to their defaults; every other column gets a value
 * of its type (domains their base type, enums cycle over their labels, arrays hold one element, a text column with a
 * check constraint listing its allowed values cycles over them). Foreign-key columns take the values of existing
 * parent rows: parents are filled first; a reference to the table itself or along a cycle is NULL when the column
 * allows it. A table whose rows the server rejects (a check constraint, a trigger, no partition for the values) is
 * tried once more with its nullable columns outside keys NULL, then skipped with the server's reason; one table never
 * stops the others.
 */
public final class SyntheticRows {

    private static final Set<String> FILLED_KINDS = Set.of("table", "partitioned table");

    private static final Pattern MODIFIERS = Pattern.compile("\\(([^)]*)\\)");

    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'::");

    /** How many times a table is topped up when {@code ON CONFLICT DO NOTHING} left rows out (seed rows in the way). */
    private static final int PASSES = 3;

    /** unique_violation and exclusion_violation: what {@code ON CONFLICT DO NOTHING} turns into rows left out. */
    private static final Set<String> CONFLICTS = Set.of("23505", "23P01");

    private SyntheticRows() {
    }

    /**
     * Fills each table (kind ordinary or partitioned; not the partitions, not views) of {@code schemas} that holds
     * fewer than {@code rows} rows, up to {@code rows}, parents before children along foreign keys. Deterministic: the
     * same catalog, rows and seed give the same rows.
     *
     * @param database the database to fill, migrated to the state {@code snapshot} describes
     * @param snapshot its schema, as {@link org.migrationharness.schema.SchemaReader} reads it
     * @param schemas the schemas whose tables to fill
     * @param rows how many rows each table should hold, e.g. 50,000
     * @param seed what the generated values are derived from, with the row number
     * @return one entry per table, in the order they were filled
     * @throws HarnessException ({@link ErrorCode#ENVIRONMENT}) when the database cannot be reached; a table that
     *         cannot be filled is reported in the result instead
     */
    public static Result fill(Database database, SchemaSnapshot snapshot, Collection<String> schemas, int rows, long seed) {
        return fill(database, snapshot, schemas, rows, seed, SchemaSnapshot.empty());
    }

    /**
     * {@link #fill(Database, SchemaSnapshot, Collection, int, long)}, the values of each column also satisfying the
     * one-column checks that {@code later} (the schema after the newer migrations) has on the same column: production
     * rows satisfy a check a migration is about to add, or its author would not add it.
     *
     * @param later the schema the database will have, whose checks the rows should already pass where they can
     */
    public static Result fill(Database database, SchemaSnapshot snapshot, Collection<String> schemas, int rows, long seed,
                              SchemaSnapshot later) {
        Set<String> wanted = Set.copyOf(schemas);
        List<Table> pending = new ArrayList<>(snapshot.tables().stream()
                .filter(t -> wanted.contains(t.schema()) && FILLED_KINDS.contains(t.kind()) && t.partitionOf() == null)
                .toList());
        List<TableFill> fills = new ArrayList<>();
        try (Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                // the inserts are short: compiling them would cost more than it saves
                statement.execute("SET jit = off");
            }
            connection.setAutoCommit(false);
            Generator generator = new Generator(connection, snapshot, seed, later);
            while (!pending.isEmpty()) {
                Table next = nextInOrder(pending, snapshot);
                pending.remove(next);
                Set<String> unfilled = new HashSet<>();
                pending.forEach(t -> unfilled.add(qualified(t)));
                fills.add(generator.fillOrSkip(next, rows, unfilled));
            }
        } catch (SQLException e) {
            throw unreachable(database, e);
        }
        return new Result(fills);
    }

    /** The first table (by name) whose parents in {@code pending} are all filled; the first of all to break a cycle. */
    private static Table nextInOrder(List<Table> pending, SchemaSnapshot snapshot) {
        Set<String> names = new HashSet<>();
        pending.forEach(t -> names.add(qualified(t)));
        for (Table table : pending) {
            boolean ready = references(table, snapshot).stream()
                    .map(Constraint::referencedTable)
                    .noneMatch(parent -> !parent.equals(qualified(table)) && names.contains(parent));
            if (ready) {
                return table;
            }
        }
        return pending.get(0);
    }

    /**
     * The foreign keys of {@code table}, and those its column names imply: a column {@code customer_id} with no
     * foreign key, beside a table {@code customer} or {@code customers} of the same schema whose one-column primary
     * key has the column's type, takes that table's keys, as production rows would, so that a migration that adds
     * the foreign key later finds rows that satisfy it.
     */
    static List<Constraint> references(Table table, SchemaSnapshot snapshot) {
        List<Constraint> references = new ArrayList<>(table.constraints().stream()
                .filter(c -> c.type().equals(Constraint.FOREIGN_KEY)).toList());
        Set<String> covered = new HashSet<>();
        references.forEach(fk -> covered.addAll(fk.columns()));
        for (Column column : table.columns()) {
            if (covered.contains(column.name()) || !column.name().endsWith("_id") || column.name().length() <= 3
                    || !generatedByTheInsert(column)) {
                continue;
            }
            String base = column.name().substring(0, column.name().length() - 3);
            List<String> names = List.of(base, base + "s", base + "es", base.endsWith("y")
                    ? base.substring(0, base.length() - 1) + "ies" : base + "s");
            for (Table parent : snapshot.tables()) {
                if (parent == table || !parent.schema().equals(table.schema()) || !names.contains(parent.name())
                        || !FILLED_KINDS.contains(parent.kind())) {
                    continue;
                }
                Constraint key = parent.primaryKey().filter(pk -> pk.columns().size() == 1).orElse(null);
                Column keyColumn = key == null ? null : parent.column(key.columns().get(0)).orElse(null);
                if (keyColumn != null && keyColumn.type().replaceAll("\\(.*", "").equals(column.type().replaceAll("\\(.*", ""))) {
                    references.add(new Constraint("implied by " + column.name(), Constraint.FOREIGN_KEY, null,
                            List.of(column.name()), qualified(parent), key.columns(), null, null, null, false, false,
                            true, null));
                    break;
                }
            }
        }
        return references;
    }

    private static String qualified(Table table) {
        return table.schema() + "." + table.name();
    }

    private static HarnessException unreachable(Database database, SQLException e) {
        return new HarnessException(ErrorCode.ENVIRONMENT, "Could not fill " + database.name()
                + " with synthetic rows: the database cannot be reached: " + e.getMessage(), e);
    }

    /** Whether the exception says the connection is gone (SQLState class 08), not that one statement failed. */
    private static boolean connectionLost(SQLException e, Connection connection) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return true;
        }
        try {
            return connection.isClosed() || !connection.isValid(5);
        } catch (SQLException ignored) {
            return true;
        }
    }

    /**
     * What {@link #fill} did.
     *
     * @param tables one entry per table, in the order they were filled (parents before children)
     */
    public record Result(List<TableFill> tables) {

        public Result {
            tables = List.copyOf(tables);
        }

        /** The entry of one table, if it was among those filled. */
        public Optional<TableFill> of(String schema, String table) {
            return tables.stream().filter(t -> t.schema().equals(schema) && t.table().equals(table)).findFirst();
        }

        /** The tables that could not be filled, each with its reason. */
        public List<TableFill> skipped() {
            return tables.stream().filter(TableFill::skipped).toList();
        }

        /** How many rows were inserted in all. */
        public long rowsInserted() {
            return tables.stream().mapToLong(TableFill::rowsInserted).sum();
        }
    }

    /**
     * What {@link #fill} did to one table.
     *
     * @param schema its schema
     * @param table its name
     * @param rowsBefore the rows it held before
     * @param rowsInserted the rows inserted (0 when it held enough already, or was skipped)
     * @param skipReason null when filled; otherwise why no rows could be generated, naming the column / constraint and
     *                   what the user can do (add seed rows for the table)
     */
    public record TableFill(String schema, String table, long rowsBefore, long rowsInserted, String skipReason) {

        /** Whether no rows could be generated (see {@link #skipReason}). */
        public boolean skipped() {
            return skipReason != null;
        }
    }

    /**
     * The join that hands a foreign key's columns the values of a parent row: the parent's rows numbered in key order,
     * row {@code gs.g} taking the one numbered {@code (gs.g + i) % count}.
     *
     * @param alias the parent's alias in the insert's select
     * @param sql the {@code JOIN ...} clause
     */
    private record Join(String alias, String sql) {
    }

    /** Writes and runs the inserts of one fill, on one connection, each table in transactions of its own. */
    private static final class Generator {

        private final Connection connection;
        private final SchemaSnapshot snapshot;
        private final SchemaSnapshot later;
        private final long seed;
        private final String offset;

        Generator(Connection connection, SchemaSnapshot snapshot, long seed, SchemaSnapshot later) {
            this.later = later;
            this.connection = connection;
            this.snapshot = snapshot;
            this.seed = seed;
            this.offset = Long.toString(Math.floorMod(seed, 1000L));
        }

        /** Fills one table; whatever goes wrong with it (the connection aside) is its skip reason. */
        TableFill fillOrSkip(Table table, int rows, Set<String> later) throws SQLException {
            try {
                return fill(table, rows, later);
            } catch (RuntimeException e) {
                rollback();
                return skip(table, 0, "could not generate its rows: " + e.getMessage()
                        + ". Add seed rows for " + qualified(table) + ".");
            }
        }

        private TableFill fill(Table table, int rows, Set<String> later) throws SQLException {
            String name = qualified(table);
            String target = Names.quote(table.schema()) + "." + Names.quote(table.name());
            long before;
            try {
                before = count("SELECT count(*) FROM " + target);
            } catch (SQLException e) {
                rethrowIfLost(e);
                return skip(table, 0, "could not count its rows: " + e.getMessage().strip());
            }
            if (before >= rows) {
                return new TableFill(table.schema(), table.name(), before, 0, null);
            }

            Set<String> keyColumns = new HashSet<>();
            table.constraints().stream()
                    .filter(c -> c.type().equals(Constraint.PRIMARY_KEY) || c.type().equals(Constraint.UNIQUE))
                    .forEach(c -> keyColumns.addAll(c.columns()));

            Map<String, String> values = new LinkedHashMap<>();
            List<Join> joins = new ArrayList<>();
            List<Constraint> foreignKeys = references(table, snapshot).stream()
                    .sorted(Comparator.comparingInt((Constraint c) -> -c.columns().size()).thenComparing(Constraint::name))
                    .toList();
            for (Constraint fk : foreignKeys) {
                List<String> open = fk.columns().stream().filter(c -> !values.containsKey(c)).toList();
                if (open.isEmpty()) {
                    continue;
                }
                String parent = fk.referencedTable();
                boolean self = parent.equals(name);
                boolean cycle = later.contains(parent);
                List<String> nullable = open.stream().filter(c -> table.column(c).map(col -> !col.notNull()).orElse(false)).toList();
                boolean canBeNull = !nullable.isEmpty() && (nullable.size() == fk.columns().size() || !"full".equals(fk.match()));
                boolean implied = fk.definition() == null; // by a column's name: no constraint to satisfy
                if (implied && (self || cycle)) {
                    continue;
                }
                if ((self || cycle) && canBeNull) {
                    nullable.forEach(c -> values.put(c, "NULL"));
                    continue;
                }
                String parentSql = quoteQualified(parent);
                String notNull = String.join(" AND ", fk.referencedColumns().stream().map(c -> Names.quote(c) + " IS NOT NULL").toList());
                long parentRows;
                try {
                    parentRows = count("SELECT count(*) FROM " + parentSql + " WHERE " + notNull);
                } catch (SQLException e) {
                    rethrowIfLost(e);
                    return skip(table, before, "could not read the rows of " + parent + ", which foreign key " + fk.name()
                            + " references: " + e.getMessage().strip());
                }
                if (parentRows == 0) {
                    if (implied) {
                        continue;
                    }
                    if (canBeNull) {
                        nullable.forEach(c -> values.put(c, "NULL"));
                        continue;
                    }
                    String why = self ? "references the table itself" : cycle
                            ? "references " + parent + ", which is on a foreign-key cycle with it and holds no rows yet"
                            : "references " + parent + ", which holds no rows";
                    return skip(table, before, "foreign key " + fk.name() + " (" + String.join(", ", fk.columns())
                            + ", NOT NULL) " + why + ", so no generated row can point at an existing one. Add seed rows for "
                            + (self || cycle ? name : parent + " (or " + name + ")")
                            + "; the generated rows then reference them.");
                }
                String alias = "p" + (joins.size() + 1);
                String ordered = String.join(", ", fk.referencedColumns().stream().map(Names::quote).toList());
                joins.add(new Join(alias, " JOIN (SELECT " + ordered + ", row_number() OVER (ORDER BY " + ordered
                        + ") - 1 AS rn FROM " + parentSql + " WHERE " + notNull + ") AS " + alias + " ON " + alias
                        + ".rn = (gs.g + " + joins.size() + ") % " + parentRows));
                for (int i = 0; i < fk.columns().size(); i++) {
                    String column = fk.columns().get(i);
                    if (!values.containsKey(column)) {
                        values.put(column, alias + "." + Names.quote(fk.referencedColumns().get(i)));
                    }
                }
            }

            List<Column> columns = table.columns().stream().filter(SyntheticRows::generatedByTheInsert).toList();
            Map<String, String> first = new LinkedHashMap<>();
            Map<String, String> second = new LinkedHashMap<>();
            for (Column column : columns) {
                String value = values.containsKey(column.name()) ? values.get(column.name())
                        : "(" + value(table, column, keyColumns.contains(column.name())) + ")";
                first.put(column.name(), value);
                boolean canBeNull = !column.notNull() && !keyColumns.contains(column.name());
                second.put(column.name(), canBeNull ? "NULL" : value);
            }

            boolean ordered = table.columns().stream().anyMatch(c -> !generatedByTheInsert(c) && c.generated() == null);
            String failure;
            try {
                return new TableFill(table.schema(), table.name(), before, insert(target, first, joins, before, rows, ordered), null);
            } catch (SQLException e) {
                rethrowIfLost(e);
                failure = e.getMessage().strip();
            }
            if (!second.equals(first)) {
                try {
                    return new TableFill(table.schema(), table.name(), before, insert(target, second, joins, before, rows, ordered), null);
                } catch (SQLException e) {
                    rethrowIfLost(e);
                    failure = e.getMessage().strip();
                }
                return skip(table, before, "the server rejected the generated rows, also with its nullable columns "
                        + "outside keys NULL: " + failure + ". Add seed rows for " + name + " that satisfy it.");
            }
            return skip(table, before, "the server rejected the generated rows: " + failure + ". Add seed rows for "
                    + name + " that satisfy it.");
        }

        /**
         * Inserts rows {@code before + 1} to {@code rows}, topping up when conflicts left some out; then analyzes. An
         * empty table is first filled without {@code ON CONFLICT} (the generated values are distinct, and unique
         * checks without speculative insertion are cheaper), again with it when a unique violation says otherwise.
         *
         * @param ordered whether rows take values from a sequence (identity, serial), which must be drawn in row order
         */
        private long insert(String target, Map<String, String> values, List<Join> joins, long before, int rows,
                            boolean ordered) throws SQLException {
            long inserted = 0;
            long from = before + 1;
            long missing = rows - before;
            boolean onConflict = before > 0;
            try (Statement statement = connection.createStatement()) {
                for (int pass = 0; pass < PASSES && missing > 0; pass++) {
                    long to = from + missing - 1;
                    StringBuilder sql = new StringBuilder("INSERT INTO ").append(target);
                    if (!values.isEmpty()) {
                        sql.append(" (").append(String.join(", ", values.keySet().stream().map(Names::quote).toList()))
                                .append(")");
                    }
                    // a table whose every column has a default selects no column: each row takes its defaults
                    sql.append(" SELECT ").append(String.join(", ", values.values()))
                            .append(" FROM generate_series(").append(from).append("::bigint, ").append(to)
                            .append("::bigint) AS gs(g)");
                    joins.forEach(j -> sql.append(j.sql()));
                    if (ordered) {
                        sql.append(" ORDER BY gs.g");
                    }
                    int count;
                    try {
                        count = statement.executeUpdate(sql + (onConflict ? " ON CONFLICT DO NOTHING" : ""));
                        connection.commit();
                    } catch (SQLException e) {
                        rollback();
                        if (!onConflict && CONFLICTS.contains(e.getSQLState())) {
                            onConflict = true;
                            pass--;
                            continue;
                        }
                        if (inserted > 0) {
                            break;
                        }
                        throw e;
                    }
                    onConflict = true;
                    inserted += count;
                    missing -= count;
                    from = to + 1;
                    if (count == 0) {
                        break;
                    }
                }
                statement.execute("ANALYZE " + target);
                connection.commit();
            }
            return inserted;
        }

        private long count(String sql) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                long count = rs.getLong(1);
                connection.commit();
                return count;
            } catch (SQLException e) {
                rollback();
                throw e;
            }
        }

        private void rollback() {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is gone: the caller's check says so
            }
        }

        private void rethrowIfLost(SQLException e) throws SQLException {
            if (connectionLost(e, connection)) {
                throw e;
            }
        }

        private TableFill skip(Table table, long before, String reason) {
            return new TableFill(table.schema(), table.name(), before, 0, reason);
        }

        /** The SQL of a column's value in row {@code gs.g}, cast to its type. */
        /**
         * The value of {@code column} in row {@code gs.g}: one of the values its check allows, when it lists them;
         * else the first of a few shapes (the type's distinct value; letters only; a code; an e-mail address; a small
         * number) that satisfies every check on the column alone, tried on sample rows, so that a format check
         * ({@code email ~* '^[^@]+@[^@]+$'}, {@code code ~ '^[A-Z]{2}$'}) does not leave the table empty. A column
         * outside keys with an integer type gets small numbers (1 to 5), as ratings, quantities and counts have: a
         * check a later migration adds then holds, as it would on production rows.
         */
        private String value(Table table, Column column, boolean key) throws SQLException {
            String type = column.type();
            Table future = later.tables().stream().filter(t -> t.schema().equals(table.schema())
                    && t.name().equals(table.name())).findFirst().orElse(null);
            boolean sameType = future != null && future.column(column.name()).map(c -> c.type().equals(type)).orElse(false);
            List<String> allowed = allowedValues(table, column);
            if (allowed.isEmpty() && sameType) {
                allowed = allowedValues(future, column);
            }
            if (!allowed.isEmpty()) {
                return "((ARRAY[" + String.join(", ", allowed.stream().map(SyntheticRows::literal).toList()) + "])[1 + ("
                        + number() + " % " + allowed.size() + ")::int])::" + type;
            }
            String natural = valueOf(type, column.name(), column.position(), 0);
            List<String> candidates = new ArrayList<>();
            String base = MODIFIERS.matcher(type).replaceAll("").strip().toLowerCase(Locale.ROOT);
            boolean integer = base.equals("smallint") || base.equals("integer") || base.equals("bigint");
            if (integer && !key) {
                candidates.add("1 + " + number() + " % 5");
            }
            candidates.add(natural);
            List<Constraint> constraints = new ArrayList<>(table.constraints());
            if (sameType) {
                constraints.addAll(future.constraints());
            }
            List<String> checks = constraints.stream()
                    .filter(c -> c.type().equals(Constraint.CHECK) && c.columns().equals(List.of(column.name()))
                            && c.definition() != null && c.definition().startsWith("CHECK "))
                    .map(c -> c.definition().substring("CHECK ".length()).replaceAll("\\s+NOT VALID$", ""))
                    .distinct()
                    .toList();
            if (checks.isEmpty()) {
                return "(" + candidates.get(0) + ")::" + type;
            }
            String n = number();
            if (integer || base.equals("numeric") || base.equals("decimal")) {
                candidates.addAll(List.of("1 + " + n + " % 5", n + " % 100", "0", "1"));
            } else {
                String digits = n + "::text";
                candidates.addAll(List.of("translate(" + digits + ", '0123456789', 'abcdefghij')",
                        "translate(" + digits + ", '0123456789', 'ABCDEFGHIJ')",
                        "'x' || " + digits, "'user' || " + digits + " || '@example.com'",
                        "'item-' || " + digits, "'code_' || " + digits,
                        "chr(65 + (" + n + " % 26)::int) || chr(65 + ((" + n + " / 26) % 26)::int)",
                        "chr(65 + (" + n + " % 26)::int) || chr(65 + ((" + n + " / 26) % 26)::int) || chr(65 + ((" + n
                                + " / 676) % 26)::int)",
                        "chr(97 + (" + n + " % 26)::int) || chr(97 + ((" + n + " / 26) % 26)::int)"));
            }
            for (String candidate : candidates) {
                if (satisfies(column, type, candidate, checks)) {
                    return "(" + candidate + ")::" + type;
                }
            }
            return "(" + candidates.get(0) + ")::" + type;
        }

        /** Whether every value {@code candidate} gives the first 2,000 rows passes every one of {@code checks}. */
        private boolean satisfies(Column column, String type, String candidate, List<String> checks) throws SQLException {
            String sql = "SELECT count(*) FROM (SELECT (" + candidate + ")::" + type + " AS " + Names.quote(column.name())
                    + " FROM generate_series(1, 2000) AS gs(g)) t WHERE NOT (" + String.join(" AND ", checks) + ")";
            try (Statement statement = connection.createStatement()) {
                statement.execute("SAVEPOINT probe");
                try (ResultSet rs = statement.executeQuery(sql)) {
                    rs.next();
                    boolean ok = rs.getLong(1) == 0;
                    statement.execute("RELEASE SAVEPOINT probe");
                    return ok;
                } catch (SQLException e) {
                    rethrowIfLost(e);
                    statement.execute("ROLLBACK TO SAVEPOINT probe");
                    return false;
                }
            }
        }

        /** {@code (gs.g + offset)}: the row number shifted by the seed. */
        private String number() {
            return "(gs.g + " + offset + ")";
        }

        /** md5 of the seed, the column and the row number: 32 hex digits, distinct for each row. */
        private String hash(String column) {
            return "md5(" + literal(seed + ":" + column + ":") + " || " + number() + ")";
        }

        private String valueOf(String type, String column, int position, int depth) {
            if (depth > 8) {
                return "NULL";
            }
            if (type.endsWith("[]")) {
                String element = type.substring(0, type.length() - 2);
                return "ARRAY[(" + valueOf(element, column, position, depth + 1) + ")::" + element + "]";
            }
            String user = type.replace("\"", "");
            for (Domain domain : snapshot.domains()) {
                if (user.equals(domain.schema() + "." + domain.name())) {
                    return "(" + valueOf(domain.baseType(), column, position, depth + 1) + ")::" + domain.baseType();
                }
            }
            for (SchemaSnapshot.EnumType enumType : snapshot.enums()) {
                if (user.equals(enumType.schema() + "." + enumType.name())) {
                    return "(enum_range(NULL::" + type + "))[1 + (" + number() + " % " + Math.max(1, enumType.labels().size())
                            + ")::int]";
                }
            }
            for (CompositeType composite : snapshot.compositeTypes()) {
                if (user.equals(composite.schema() + "." + composite.name())) {
                    List<String> fields = new ArrayList<>();
                    for (SchemaSnapshot.Attribute attribute : composite.attributes()) {
                        fields.add("(" + valueOf(attribute.type(), column + "." + attribute.name(), position, depth + 1)
                                + ")::" + attribute.type());
                    }
                    return "ROW(" + String.join(", ", fields) + ")";
                }
            }
            List<Integer> modifiers = new ArrayList<>();
            Matcher m = MODIFIERS.matcher(type);
            while (m.find()) {
                for (String part : m.group(1).split(",")) {
                    try {
                        modifiers.add(Integer.parseInt(part.strip()));
                    } catch (NumberFormatException ignored) {
                        // not a number: no modifier to honour
                    }
                }
            }
            String base = MODIFIERS.matcher(type).replaceAll("").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
            String n = number();
            String shift = " + interval '" + position + " hours'";
            return switch (base) {
                case "smallint" -> "(" + n + " - 1) % 32767 + 1";
                case "integer" -> n + " % 2147483647";
                case "bigint", "oid" -> n;
                case "numeric", "decimal" -> numeric(modifiers);
                case "real", "double precision" -> n + "::float8 / 4";
                case "money" -> "(" + n + "::numeric / 100)";
                case "text", "name" -> n + "::text || '-' || left(" + hash(column) + ", 12)";
                case "character varying", "character", "bit varying" -> base.startsWith("bit")
                        ? n + "::bit(64)::varbit"
                        : modifiers.isEmpty() ? n + "::text || '-' || left(" + hash(column) + ", 12)"
                        : "left(" + n + "::text || '-' || " + hash(column) + ", " + modifiers.get(0) + ")";
                case "\"char\"", "char" -> "chr(65 + (" + n + " % 26)::int)";
                case "bit" -> n + "::bit(64)";
                case "boolean" -> n + " % 2 = 0";
                case "date" -> "DATE '2000-01-01' + (" + n + " % 2000000)::int + " + position;
                case "timestamp without time zone", "timestamp" ->
                        "TIMESTAMP '2020-01-01' + " + n + " * interval '1 minute'" + shift;
                case "timestamp with time zone" -> "TIMESTAMPTZ '2020-01-01 00:00:00+00' + " + n + " * interval '1 minute'" + shift;
                case "time without time zone", "time" -> "TIME '00:00' + (" + n + " % 86400) * interval '1 second'";
                case "time with time zone" -> "(TIME '00:00' + (" + n + " % 86400) * interval '1 second')::timetz";
                case "uuid" -> hash(column) + "::uuid";
                case "json", "jsonb" -> "json_build_object('n', " + n + ", 'v', left(" + hash(column) + ", 12))";
                case "bytea" -> "decode(" + hash(column) + ", 'hex')";
                case "inet" -> "'10.0.0.0'::inet + " + n;
                case "cidr" -> "('10.0.0.0'::inet + " + n + ")::cidr";
                case "macaddr" -> "lpad(to_hex(" + n + "), 12, '0')::macaddr";
                case "macaddr8" -> "lpad(to_hex(" + n + "), 16, '0')::macaddr8";
                case "tsvector" -> "to_tsvector('simple', 'word' || " + n + ")";
                case "xml" -> "xmlelement(name v, " + n + ")";
                case "point" -> "point(" + n + ", " + position + ")";
                case "int4range" -> "int4range((" + n + " % 2147483646)::int, (" + n + " % 2147483646)::int + 1)";
                case "int8range" -> "int8range(" + n + ", " + n + " + 1)";
                case "numrange" -> "numrange(" + n + ", " + n + " + 1)";
                case "daterange" -> "daterange(DATE '2000-01-01' + (" + n + " % 2000000)::int, DATE '2000-01-01' + ("
                        + n + " % 2000000)::int + 1)";
                case "tsrange" -> "tsrange(TIMESTAMP '2020-01-01' + " + n + " * interval '1 minute', TIMESTAMP '2020-01-01' + "
                        + n + " * interval '1 minute' + interval '30 seconds')";
                case "tstzrange" -> "tstzrange(TIMESTAMPTZ '2020-01-01 00:00:00+00' + " + n + " * interval '1 minute', "
                        + "TIMESTAMPTZ '2020-01-01 00:00:00+00' + " + n + " * interval '1 minute' + interval '30 seconds')";
                default -> base.startsWith("interval") ? n + " * interval '1 second'"
                        // citext and any other type with a text input: the text value, cast by the caller
                        : n + "::text || '-' || left(" + hash(column) + ", 12)";
            };
        }

        /** A number with at most {@code p} digits, {@code s} of them after the point: distinct for 10^p rows. */
        private String numeric(List<Integer> modifiers) {
            if (modifiers.isEmpty()) {
                return number() + "::numeric / 100";
            }
            int precision = modifiers.get(0);
            int scale = modifiers.size() > 1 ? modifiers.get(1) : 0;
            return "(" + number() + "::numeric % power(10::numeric, " + precision + ")) / power(10::numeric, " + scale + ")";
        }
    }

    /** Whether the insert gives the column its value: not identity, generated or serial columns. */
    private static boolean generatedByTheInsert(Column column) {
        return column.identity() == null && column.generated() == null
                && (column.defaultValue() == null || !column.defaultValue().contains("nextval("));
    }

    /**
     * The values a check constraint on this column alone lists ({@code status IN ('open', 'closed')}), empty when
     * there is no such constraint.
     */
    private static List<String> allowedValues(Table table, Column column) {
        for (Constraint check : table.constraints()) {
            if (!check.type().equals(Constraint.CHECK) || !check.columns().equals(List.of(column.name()))
                    || check.definition() == null || !check.definition().matches("(?s).*ANY \\(+ARRAY\\[.*")) {
                continue;
            }
            Set<String> values = new LinkedHashSet<>();
            Matcher m = LITERAL.matcher(check.definition());
            while (m.find()) {
                values.add(m.group(1).replace("''", "'"));
            }
            if (!values.isEmpty()) {
                return List.copyOf(values);
            }
        }
        return List.of();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** {@code schema.table} as a quoted SQL name; the schema is the part before the first dot. */
    private static String quoteQualified(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? Names.quote(qualified)
                : Names.quote(qualified.substring(0, dot)) + "." + Names.quote(qualified.substring(dot + 1));
    }
}
