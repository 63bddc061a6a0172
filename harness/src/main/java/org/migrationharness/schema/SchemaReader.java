package org.migrationharness.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaSnapshot.Attribute;
import org.migrationharness.schema.SchemaSnapshot.Column;
import org.migrationharness.schema.SchemaSnapshot.CompositeType;
import org.migrationharness.schema.SchemaSnapshot.Constraint;
import org.migrationharness.schema.SchemaSnapshot.Domain;
import org.migrationharness.schema.SchemaSnapshot.DomainConstraint;
import org.migrationharness.schema.SchemaSnapshot.EnumType;
import org.migrationharness.schema.SchemaSnapshot.EventTrigger;
import org.migrationharness.schema.SchemaSnapshot.Extension;
import org.migrationharness.schema.SchemaSnapshot.Index;
import org.migrationharness.schema.SchemaSnapshot.Namespace;
import org.migrationharness.schema.SchemaSnapshot.Policy;
import org.migrationharness.schema.SchemaSnapshot.Routine;
import org.migrationharness.schema.SchemaSnapshot.Sequence;
import org.migrationharness.schema.SchemaSnapshot.Table;
import org.migrationharness.schema.SchemaSnapshot.Trigger;
import org.migrationharness.schema.SchemaSnapshot.View;

/**
 * Reads a {@link SchemaSnapshot} from the PostgreSQL catalog (PostgreSQL 15 to 17).
 *
 * <p>One query per kind of object for the whole set of schemas (about fifteen in all, whatever the number of tables),
 * in one read-only repeatable-read transaction, with settings that make the server's SQL text deterministic:
 * {@code search_path=pg_catalog} (so every user object in a definition is schema-qualified), {@code TimeZone=UTC},
 * ISO dates. Objects that belong to an extension are left out; the extensions themselves are listed.
 */
public final class SchemaReader {

    private static final String SYSTEM_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    private static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("search_path", "pg_catalog");
        SETTINGS.put("TimeZone", "UTC");
        SETTINGS.put("DateStyle", "ISO, MDY");
        SETTINGS.put("IntervalStyle", "postgres");
        SETTINGS.put("extra_float_digits", "1");
        SETTINGS.put("bytea_output", "hex");
        SETTINGS.put("quote_all_identifiers", "off");
    }

    private SchemaReader() {
    }

    /**
     * Tables read before, reused by later readings on the same server while their catalog rows are the same versions:
     * a migration walk reads the whole schema at every step, and a step changes a few tables. Only the tables whose
     * rows changed (and every view) are read again, so a reading costs one cheap catalog query plus what changed,
     * instead of the deparsing of every table. A reading with a cache gives the same snapshot as one without.
     * Safe for concurrent readings; keep one per server run (keys name catalog row versions of one cluster).
     */
    public static final class Cache {

        private final Map<String, Table> tables = new ConcurrentHashMap<>();
        private final AtomicLong reused = new AtomicLong();
        private final AtomicLong read = new AtomicLong();

        /** How many tables readings took from the cache. */
        public long reused() {
            return reused.get();
        }

        /** How many tables readings with this cache read from the catalog. */
        public long read() {
            return read.get();
        }
    }

    /**
     * Reads the given schemas over a connection of the caller's, who keeps it open. With autocommit on, the reading
     * runs in its own read-only transaction; inside the caller's transaction it runs there and restores the settings
     * it changed.
     *
     * @param schemas the schemas to read; empty means every non-system schema (not {@code pg_catalog},
     *                {@code information_schema}, {@code pg_toast*}, {@code pg_temp*})
     * @param excludedTables names of tables to leave out in every schema, e.g. the migration tool's history table
     */
    public static SchemaSnapshot read(Connection connection, List<String> schemas, Set<String> excludedTables) {
        return read(connection, schemas, excludedTables, null);
    }

    /**
     * Reads as {@link #read(Connection, List, Set)} does, taking each table whose catalog rows are the very versions a
     * reading with the same {@code cache} saw (in this database or a copy of it) from the cache instead of the catalog.
     * Only a reading in a transaction of its own (autocommit on) uses the cache: it sees committed catalog rows, whose
     * {@code xmin} differs from version to version; inside the caller's transaction, a row it changed twice keeps one
     * {@code xmin}, so every table is read.
     *
     * @param cache tables read before on the same server, or null to read every one
     */
    public static SchemaSnapshot read(Connection connection, List<String> schemas, Set<String> excludedTables,
                                      Cache cache) {
        List<String> wanted = schemas == null ? List.of() : List.copyOf(schemas);
        Set<String> excluded = excludedTables == null ? Set.of() : Set.copyOf(excludedTables);
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    applySettings(connection);
                    return new Query(connection, wanted, excluded, cache).snapshot();
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
            Map<String, String> previous = currentSettings(connection);
            applySettings(connection);
            try {
                return new Query(connection, wanted, excluded, null).snapshot();
            } finally {
                restoreSettings(connection, previous);
            }
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not read the schema " + (wanted.isEmpty()
                    ? "(every non-system schema)" : wanted) + " from the catalog: " + e.getMessage()
                    + "\nThe connecting user needs to read pg_catalog; PostgreSQL 15, 16 and 17 are supported.", e);
        }
    }

    /** Reads the given schemas of a database on a connection of its own. See {@link #read(Connection, List, Set)}. */
    public static SchemaSnapshot read(Database database, List<String> schemas, Set<String> excludedTables) {
        return read(database, schemas, excludedTables, null);
    }

    /** Reads a database on a connection of its own. See {@link #read(Connection, List, Set, Cache)}. */
    public static SchemaSnapshot read(Database database, List<String> schemas, Set<String> excludedTables, Cache cache) {
        try (Connection connection = database.connect()) {
            return read(connection, schemas, excludedTables, cache);
        } catch (SQLException e) {
            throw new HarnessException(ErrorCode.ENVIRONMENT, "Could not close the connection to " + database.name()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void applySettings(Connection connection) throws SQLException {
        setConfig(connection, SETTINGS);
    }

    private static Map<String, String> currentSettings(Connection connection) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name, setting FROM unnest(ARRAY['"
                     + String.join("', '", SETTINGS.keySet()) + "']) name, current_setting(name) setting")) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return values;
    }

    private static void restoreSettings(Connection connection, Map<String, String> values) throws SQLException {
        setConfig(connection, values);
    }

    /** Sets every setting for the current transaction, in one round trip. */
    private static void setConfig(Connection connection, Map<String, String> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config(name, setting, true) FROM unnest(CAST(? AS text[]), CAST(? AS text[])) s(name, setting)")) {
            statement.setArray(1, connection.createArrayOf("text", values.keySet().toArray()));
            statement.setArray(2, connection.createArrayOf("text", values.values().toArray()));
            statement.execute();
        }
    }

    /** SQL that lists the non-default privileges of an ACL as sorted text (see {@link SchemaSnapshot}). */
    private static String privileges(String acl, String owner, String kind) {
        String text = "CASE WHEN a.grantee = 0 THEN 'PUBLIC' WHEN a.grantee = " + owner + " THEN 'owner' "
                + "ELSE pg_get_userbyid(a.grantee) END || ': ' || a.privilege_type";
        String same = "d.grantee = a.grantee AND d.privilege_type = a.privilege_type";
        String defaults = "aclexplode(acldefault('" + kind + "', " + owner + "))";
        return "(SELECT array_agg(p ORDER BY p) FROM ("
                + "SELECT " + text + " || CASE WHEN a.is_grantable THEN ' (grantable)' ELSE '' END AS p "
                + "FROM aclexplode(" + acl + ") a WHERE NOT EXISTS (SELECT 1 FROM " + defaults + " d WHERE " + same
                + " AND d.is_grantable = a.is_grantable) "
                + "UNION ALL SELECT " + text + " || ' revoked' FROM " + defaults + " a WHERE " + acl + " IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM aclexplode(" + acl + ") d WHERE " + same + ")) s)";
    }

    private static String notExtensionMember(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '" + catalog + "'::regclass "
                + "AND dep.objid = " + oid + " AND dep.deptype = 'e')";
    }

    /** One reading: the queries, and the relations found so far so their parts can be attached. */
    private static final class Query {

        private final Connection connection;
        private final List<String> wanted;
        private final Set<String> excluded;
        private List<String> schemaNames;

        private final Cache cache;
        /** The tables to read when a cache holds the others (every view is read); null: every relation. */
        private Long[] only;

        Query(Connection connection, List<String> wanted, Set<String> excluded, Cache cache) {
            this.connection = connection;
            this.wanted = wanted;
            this.excluded = excluded;
            this.cache = cache;
        }

        SchemaSnapshot snapshot() throws SQLException {
            List<Namespace> schemas = schemas();
            schemaNames = schemas.stream().map(Namespace::name).toList();
            List<Table> tables = new ArrayList<>();
            Map<Long, String> keys = Map.of();
            if (cache != null) {
                keys = tableKeys();
                List<Long> missing = new ArrayList<>();
                for (Map.Entry<Long, String> key : keys.entrySet()) {
                    Table table = key.getValue() == null ? null : cache.tables.get(key.getValue());
                    if (table == null) {
                        missing.add(key.getKey());
                    } else {
                        tables.add(table);
                    }
                }
                cache.reused.addAndGet(tables.size());
                cache.read.addAndGet(missing.size());
                only = missing.toArray(Long[]::new);
            }
            Map<Long, Relation> relations = only != null && only.length == 0 ? Map.of() : relations();
            if (!relations.isEmpty()) {
                columns(relations);
                constraints(relations);
                indexes(relations);
                triggers(relations);
                policies(relations);
                inheritance(relations);
            }
            List<View> views = new ArrayList<>();
            for (Map.Entry<Long, Relation> entry : relations.entrySet()) {
                Relation r = entry.getValue();
                if (r.kind.equals("v") || r.kind.equals("m")) {
                    views.add(new View(r.schema, r.name, r.kind.equals("m"), r.definition, r.options, r.comment,
                            r.privileges, r.columns, r.indexes, r.triggers));
                } else {
                    String kind = switch (r.kind) {
                        case "p" -> "partitioned table";
                        case "f" -> "foreign table";
                        default -> "table";
                    };
                    Table table = new Table(r.schema, r.name, kind, r.unlogged, r.partitionKey, r.partitionOf,
                            r.partitionBound, r.inherits, r.options, r.tablespace, r.rowSecurity, r.forceRowSecurity,
                            r.comment, r.privileges, r.columns, r.constraints, r.indexes, r.triggers, r.policies);
                    tables.add(table);
                    String key = keys.get(entry.getKey());
                    if (key != null) {
                        cache.tables.put(key, table);
                    }
                }
            }
            return new SchemaSnapshot(schemas, extensions(), eventTriggers(), enums(), compositeTypes(), domains(),
                    sequences(), tables, views, routines());
        }

        private List<Namespace> schemas() throws SQLException {
            String sql = "SELECT n.nspname, obj_description(n.oid, 'pg_namespace'), "
                    + privileges("n.nspacl", "n.nspowner", "n") + " FROM pg_namespace n WHERE " + SYSTEM_SCHEMAS
                    + (wanted.isEmpty() ? "" : " AND n.nspname = ANY (?)") + " AND "
                    + notExtensionMember("pg_namespace", "n.oid") + " ORDER BY 1";
            List<Namespace> result = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (!wanted.isEmpty()) {
                    statement.setArray(1, connection.createArrayOf("text", wanted.toArray()));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        result.add(new Namespace(rs.getString(1), rs.getString(2), strings(rs, 3)));
                    }
                }
            }
            return result;
        }

        /** Runs a query whose first parameter is the schema names and second (if any) the excluded tables. */
        private void each(String sql, RowHandler handler) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", schemaNames.toArray()));
                if (sql.startsWith(RELATIONS) || sql.startsWith(SOME_RELATIONS)) {
                    statement.setArray(2, connection.createArrayOf("text", excluded.toArray()));
                }
                if (sql.startsWith(SOME_RELATIONS)) {
                    statement.setArray(3, connection.createArrayOf("int8", only));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            }
        }

        /** The relations (tables, views) read: a CTE every per-relation query starts from. */
        private static final String RELATIONS_WHERE = "FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?) "
                + "AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND c.relname <> ALL (?) AND "
                + notExtensionMember("pg_class", "c.oid");
        private static final String RELATIONS = "WITH rel AS (SELECT c.oid, c.relname " + RELATIONS_WHERE + ") ";
        /** The relations of {@link #only}: what a reading with a cache reads from the catalog. */
        private static final String SOME_RELATIONS = "WITH rel AS (SELECT c.oid, c.relname " + RELATIONS_WHERE
                + " AND c.oid::int8 = ANY (?)) ";

        /** The relations this reading reads from the catalog. */
        private String rel() {
            return only == null ? RELATIONS : SOME_RELATIONS;
        }

        /**
         * For each table (not view) to read, a key that names the versions of every catalog row the table's reading
         * comes from (its pg_class row, columns, defaults, constraints, indexes, triggers, policies, parents, partition
         * key, comments: each row's oid and {@code xmin}, unique in the whole cluster, so a copy of a database has the
         * same keys and any change gives a new one), with the names it shows of other objects (the tables and columns
         * its foreign keys reference, trigger functions, parents) and a digest of what else it names: roles, schemas,
         * the types a migration creates (enums, domains, ranges, composite types), collations, operator classes,
         * access methods, tablespaces, extensions. A table used as a column's type is named by its own key. A view's
         * key is null:
         * views are always read, their text depends on everything they select from.
         */
        private Map<Long, String> tableKeys() throws SQLException {
            String epoch;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(EPOCH)) {
                rs.next();
                epoch = rs.getString(1);
            }
            Map<Long, String> keys = new HashMap<>();
            each(RELATIONS + TABLE_KEYS, rs -> keys.put(rs.getLong(1), rs.getString(2) == null ? null
                    : epoch + " " + rs.getString(2)));
            return keys;
        }

        private static final String EPOCH = "SELECT md5(coalesce(string_agg(x, ',' ORDER BY x), '')) FROM ("
                + "SELECT 'r' || oid || ':' || rolname FROM pg_roles "
                + "UNION ALL SELECT 'n' || oid || ':' || xmin::text FROM pg_namespace "
                + "UNION ALL SELECT 'c' || oid || ':' || xmin::text FROM pg_collation WHERE oid >= 16384 "
                + "UNION ALL SELECT 'o' || oid || ':' || xmin::text FROM pg_opclass WHERE oid >= 16384 "
                + "UNION ALL SELECT 'f' || oid || ':' || xmin::text FROM pg_opfamily WHERE oid >= 16384 "
                + "UNION ALL SELECT 'p' || oid || ':' || xmin::text FROM pg_operator WHERE oid >= 16384 "
                + "UNION ALL SELECT 'a' || oid || ':' || xmin::text FROM pg_am WHERE oid >= 16384 "
                + "UNION ALL SELECT 't' || oid || ':' || spcname FROM pg_tablespace "
                + "UNION ALL SELECT 'e' || oid || ':' || xmin::text FROM pg_extension "
                + "UNION ALL SELECT 'y' || t.oid || ':' || t.xmin::text FROM pg_type t WHERE t.oid >= 16384 "
                + "AND (t.typtype IN ('e', 'd', 'r', 'm') OR t.typtype = 'c' "
                + "AND (SELECT tc.relkind FROM pg_class tc WHERE tc.oid = t.typrelid) = 'c')) s(x)";

        private static final String TABLE_KEYS = "SELECT c.oid, CASE WHEN c.relkind IN ('r', 'p', 'f') THEN "
                + "concat_ws(' ', c.oid, c.xmin::text, "
                + "(SELECT string_agg(a.attnum || ':' || a.xmin::text || ':' || a.atttypid || ':' || a.atttypmod, "
                + "',' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0), "
                + "(SELECT string_agg(ad.oid || ':' || ad.xmin::text, ',' ORDER BY ad.oid) FROM pg_attrdef ad "
                + "WHERE ad.adrelid = c.oid), "
                + "(SELECT string_agg(con.oid || ':' || con.xmin::text || CASE WHEN con.confrelid <> 0 THEN ':' "
                + "|| con.confrelid::regclass::text || ':' || (SELECT string_agg(fa.attname, ',' ORDER BY fa.attnum) "
                + "FROM pg_attribute fa WHERE fa.attrelid = con.confrelid AND fa.attnum = ANY (con.confkey)) ELSE '' END, "
                + "',' ORDER BY con.oid) FROM pg_constraint con WHERE con.conrelid = c.oid), "
                + "(SELECT string_agg(i.indexrelid || ':' || i.xmin::text || ':' || ic.xmin::text || ':' "
                + "|| i.indisvalid || i.indisready || i.indislive, ',' ORDER BY i.indexrelid) "
                + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid), "
                + "(SELECT string_agg(tg.oid || ':' || tg.xmin::text || ':' || tg.tgfoid::regprocedure::text, ',' "
                + "ORDER BY tg.oid) FROM pg_trigger tg WHERE tg.tgrelid = c.oid), "
                + "(SELECT string_agg(pol.oid || ':' || pol.xmin::text, ',' ORDER BY pol.oid) FROM pg_policy pol "
                + "WHERE pol.polrelid = c.oid), "
                + "(SELECT string_agg(inh.inhparent::regclass::text || ':' || inh.xmin::text, ',' ORDER BY inh.inhseqno) "
                + "FROM pg_inherits inh WHERE inh.inhrelid = c.oid), "
                + "(SELECT pt.xmin::text FROM pg_partitioned_table pt WHERE pt.partrelid = c.oid), "
                + "(SELECT string_agg(x, ',' ORDER BY x) FROM ("
                + "SELECT d.classoid || ':' || d.objoid || ':' || d.objsubid || ':' || d.xmin::text FROM pg_description d "
                + "WHERE d.objoid = c.oid "
                + "UNION ALL SELECT d.classoid || ':' || d.objoid || ':' || d.xmin::text FROM pg_index i "
                + "JOIN pg_description d ON d.objoid = i.indexrelid WHERE i.indrelid = c.oid "
                + "UNION ALL SELECT d.classoid || ':' || d.objoid || ':' || d.xmin::text FROM pg_constraint k "
                + "JOIN pg_description d ON d.objoid = k.oid WHERE k.conrelid = c.oid "
                + "UNION ALL SELECT d.classoid || ':' || d.objoid || ':' || d.xmin::text FROM pg_trigger t "
                + "JOIN pg_description d ON d.objoid = t.oid WHERE t.tgrelid = c.oid "
                + "UNION ALL SELECT d.classoid || ':' || d.objoid || ':' || d.xmin::text FROM pg_policy p "
                + "JOIN pg_description d ON d.objoid = p.oid WHERE p.polrelid = c.oid) s(x))) END "
                + "FROM rel JOIN pg_class c ON c.oid = rel.oid";

        private Map<Long, Relation> relations() throws SQLException {
            String sql = rel() + "SELECT c.oid, n.nspname, c.relname, c.relkind::text, c.relpersistence = 'u', "
                    + "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, "
                    + "CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END, "
                    + "c.reloptions, ts.spcname, c.relrowsecurity, c.relforcerowsecurity, "
                    + "obj_description(c.oid, 'pg_class'), " + privileges("c.relacl", "c.relowner", "r") + ", "
                    + "CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END "
                    + "FROM rel JOIN pg_class c ON c.oid = rel.oid JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace ORDER BY 2, 3";
            Map<Long, Relation> relations = new LinkedHashMap<>();
            each(sql, rs -> {
                Relation r = new Relation();
                r.schema = rs.getString(2);
                r.name = rs.getString(3);
                r.kind = rs.getString(4);
                r.unlogged = rs.getBoolean(5);
                r.partitionKey = rs.getString(6);
                r.partitionBound = rs.getString(7);
                r.options = strings(rs, 8);
                r.tablespace = rs.getString(9);
                r.rowSecurity = rs.getBoolean(10);
                r.forceRowSecurity = rs.getBoolean(11);
                r.comment = rs.getString(12);
                r.privileges = strings(rs, 13);
                r.definition = rs.getString(14);
                relations.put(rs.getLong(1), r);
            });
            return relations;
        }

        private void columns(Map<Long, Relation> relations) throws SQLException {
            String sql = rel() + "SELECT a.attrelid, a.attname, "
                    + "row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum)::int, "
                    + "format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                    + "CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END, "
                    + "CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END, "
                    + "CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END, "
                    + collation("a.attcollation", "t.typcollation") + ", "
                    + "col_description(a.attrelid, a.attnum), "
                    + "(SELECT array_agg(CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END "
                    + "|| ': ' || x.privilege_type || CASE WHEN x.is_grantable THEN ' (grantable)' ELSE '' END) "
                    + "FROM aclexplode(a.attacl) x) "
                    + "FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid "
                    + "JOIN pg_type t ON t.oid = a.atttypid "
                    + "LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
                    + "WHERE a.attnum > 0 AND NOT a.attisdropped";
            each(sql, rs -> relations.get(rs.getLong(1)).columns.add(new Column(rs.getString(2), rs.getInt(3),
                    rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getString(10), strings(rs, 11))));
        }

        private void constraints(Map<Long, Relation> relations) throws SQLException {
            String sql = rel() + "SELECT con.conrelid, con.conname, con.contype::text, "
                    + "pg_get_constraintdef(con.oid), "
                    + names("con.conkey", "con.conrelid") + ", "
                    + "CASE WHEN con.contype = 'f' THEN fn.nspname || '.' || fc.relname END, "
                    + names("con.confkey", "con.confrelid") + ", "
                    + "CASE WHEN con.contype = 'f' THEN con.confdeltype::text END, "
                    + "CASE WHEN con.contype = 'f' THEN con.confupdtype::text END, "
                    + "CASE WHEN con.contype = 'f' THEN con.confmatchtype::text END, "
                    + "con.condeferrable, con.condeferred, con.convalidated, obj_description(con.oid, 'pg_constraint') "
                    + "FROM rel JOIN pg_constraint con ON con.conrelid = rel.oid "
                    + "LEFT JOIN pg_class fc ON fc.oid = con.confrelid "
                    + "LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
                    + "WHERE con.contype IN ('p', 'u', 'f', 'c', 'x', 't')";
            each(sql, rs -> relations.get(rs.getLong(1)).constraints.add(new Constraint(rs.getString(2),
                    constraintType(rs.getString(3)), rs.getString(4), strings(rs, 5), rs.getString(6), strings(rs, 7),
                    action(rs.getString(8)), action(rs.getString(9)), match(rs.getString(10)), rs.getBoolean(11),
                    rs.getBoolean(12), rs.getBoolean(13), rs.getString(14))));
        }

        private void indexes(Map<Long, Relation> relations) throws SQLException {
            String sql = rel() + "SELECT i.indrelid, ic.relname, pg_get_indexdef(i.indexrelid), am.amname, "
                    + "(SELECT array_agg(pg_get_indexdef(i.indexrelid, k, true) ORDER BY k) "
                    + "FROM generate_series(1, i.indnkeyatts) k), "
                    + "(SELECT array_agg(pg_get_indexdef(i.indexrelid, k, true) ORDER BY k) "
                    + "FROM generate_series(i.indnkeyatts + 1, i.indnatts) k), "
                    + "i.indisunique, pg_get_expr(i.indpred, i.indrelid, true), i.indisvalid, "
                    + "(SELECT con.conname FROM pg_constraint con WHERE con.conindid = i.indexrelid "
                    + "AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')), "
                    + "ts.spcname, obj_description(i.indexrelid, 'pg_class') "
                    + "FROM rel JOIN pg_index i ON i.indrelid = rel.oid "
                    + "JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam "
                    + "LEFT JOIN pg_tablespace ts ON ts.oid = ic.reltablespace";
            each(sql, rs -> relations.get(rs.getLong(1)).indexes.add(new Index(rs.getString(2), rs.getString(3),
                    rs.getString(4), strings(rs, 5), strings(rs, 6), rs.getBoolean(7), rs.getString(8),
                    rs.getBoolean(9), rs.getString(10), rs.getString(11), rs.getString(12))));
        }

        private void triggers(Map<Long, Relation> relations) throws SQLException {
            String sql = rel() + "SELECT tg.tgrelid, tg.tgname, pg_get_triggerdef(tg.oid), tg.tgenabled::text, "
                    + "obj_description(tg.oid, 'pg_trigger') "
                    + "FROM rel JOIN pg_trigger tg ON tg.tgrelid = rel.oid WHERE NOT tg.tgisinternal";
            each(sql, rs -> relations.get(rs.getLong(1)).triggers.add(new Trigger(rs.getString(2), rs.getString(3),
                    enabled(rs.getString(4)), rs.getString(5))));
        }

        private void policies(Map<Long, Relation> relations) throws SQLException {
            String sql = rel() + "SELECT pol.polrelid, pol.polname, "
                    + "CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' "
                    + "WHEN 'd' THEN 'DELETE' ELSE 'ALL' END, pol.polpermissive, "
                    + "(SELECT array_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r) END) "
                    + "FROM unnest(pol.polroles) r), "
                    + "pg_get_expr(pol.polqual, pol.polrelid), pg_get_expr(pol.polwithcheck, pol.polrelid), "
                    + "obj_description(pol.oid, 'pg_policy') "
                    + "FROM rel JOIN pg_policy pol ON pol.polrelid = rel.oid";
            each(sql, rs -> relations.get(rs.getLong(1)).policies.add(new Policy(rs.getString(2), rs.getString(3),
                    rs.getBoolean(4), strings(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8))));
        }

        private void inheritance(Map<Long, Relation> relations) throws SQLException {
            String sql = rel() + "SELECT inh.inhrelid, pn.nspname || '.' || pc.relname, c.relispartition "
                    + "FROM rel JOIN pg_inherits inh ON inh.inhrelid = rel.oid JOIN pg_class c ON c.oid = rel.oid "
                    + "JOIN pg_class pc ON pc.oid = inh.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace "
                    + "ORDER BY inh.inhrelid, inh.inhseqno";
            each(sql, rs -> {
                Relation r = relations.get(rs.getLong(1));
                if (rs.getBoolean(3)) {
                    r.partitionOf = rs.getString(2);
                } else {
                    r.inherits.add(rs.getString(2));
                }
            });
        }

        private List<Sequence> sequences() throws SQLException {
            String sql = "SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, "
                    + "s.seqmin, s.seqmax, s.seqcache, s.seqcycle, "
                    + "o.nspname || '.' || o.relname || '.' || o.attname, "
                    + "obj_description(c.oid, 'pg_class'), " + privileges("c.relacl", "c.relowner", "s") + ", o.relname "
                    + "FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "LEFT JOIN LATERAL (SELECT tn.nspname, tc.relname, ta.attname FROM pg_depend d "
                    + "JOIN pg_class tc ON tc.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = tc.relnamespace "
                    + "JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid "
                    + "WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass "
                    + "AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i') LIMIT 1) o ON true "
                    + "WHERE n.nspname = ANY (?) AND " + notExtensionMember("pg_class", "c.oid") + " ORDER BY 1, 2";
            List<Sequence> result = new ArrayList<>();
            each(sql, rs -> {
                String owner = rs.getString(10);
                if (owner != null && excluded.contains(rs.getString(13))) {
                    return;
                }
                result.add(new Sequence(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9), owner,
                        rs.getString(11), strings(rs, 12)));
            });
            return result;
        }

        private List<Routine> routines() throws SQLException {
            String sql = "SELECT n.nspname, p.proname, CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, "
                    + "pg_get_function_identity_arguments(p.oid), "
                    + "CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END, l.lanname, "
                    + "CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END, "
                    + "p.proisstrict, p.prosecdef, "
                    + "CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' ELSE 'unsafe' END, "
                    + "p.proconfig, "
                    + "CASE WHEN p.prosqlbody IS NOT NULL THEN pg_get_function_sqlbody(p.oid) ELSE p.prosrc END, "
                    + "obj_description(p.oid, 'pg_proc'), " + privileges("p.proacl", "p.proowner", "f") + " "
                    + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    + "JOIN pg_language l ON l.oid = p.prolang "
                    + "WHERE n.nspname = ANY (?) AND p.prokind IN ('f', 'p', 'w') AND "
                    + notExtensionMember("pg_proc", "p.oid") + " ORDER BY 1, 2, 4";
            List<Routine> result = new ArrayList<>();
            each(sql, rs -> result.add(new Routine(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                    rs.getBoolean(9), rs.getString(10), strings(rs, 11), rs.getString(12), rs.getString(13),
                    strings(rs, 14))));
            return result;
        }

        private static final String TYPES = "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE n.nspname = ANY (?) AND " + notExtensionMember("pg_type", "t.oid") + " ";

        private List<EnumType> enums() throws SQLException {
            String sql = "SELECT n.nspname, t.typname, "
                    + "(SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), "
                    + "obj_description(t.oid, 'pg_type') " + TYPES + "AND t.typtype = 'e' ORDER BY 1, 2";
            List<EnumType> result = new ArrayList<>();
            each(sql, rs -> result.add(new EnumType(rs.getString(1), rs.getString(2), strings(rs, 3), rs.getString(4))));
            return result;
        }

        private List<CompositeType> compositeTypes() throws SQLException {
            String sql = "SELECT n.nspname, t.typname, a.attname, format_type(a.atttypid, a.atttypmod), "
                    + collation("a.attcollation", "at.typcollation") + ", obj_description(t.oid, 'pg_type') " + "FROM pg_type t "
                    + "JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid "
                    + "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
                    + "LEFT JOIN pg_type at ON at.oid = a.atttypid "
                    + "WHERE n.nspname = ANY (?) AND t.typtype = 'c' AND c.relkind = 'c' AND "
                    + notExtensionMember("pg_type", "t.oid") + " ORDER BY 1, 2, a.attnum";
            Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
            Map<String, String[]> types = new LinkedHashMap<>();
            each(sql, rs -> {
                String key = rs.getString(1) + "." + rs.getString(2);
                types.putIfAbsent(key, new String[] {rs.getString(1), rs.getString(2), rs.getString(6)});
                List<Attribute> list = attributes.computeIfAbsent(key, k -> new ArrayList<>());
                if (rs.getString(3) != null) {
                    list.add(new Attribute(rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            });
            List<CompositeType> result = new ArrayList<>();
            types.forEach((key, t) -> result.add(new CompositeType(t[0], t[1], attributes.get(key), t[2])));
            return result;
        }

        private List<Domain> domains() throws SQLException {
            String constraintsSql = "SELECT n.nspname || '.' || t.typname, con.conname, pg_get_constraintdef(con.oid), "
                    + "con.convalidated FROM pg_constraint con JOIN pg_type t ON t.oid = con.contypid "
                    + "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ANY (?) AND con.contype = 'c'";
            Map<String, List<DomainConstraint>> constraints = new HashMap<>();
            each(constraintsSql, rs -> constraints.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new DomainConstraint(rs.getString(2), rs.getString(3), rs.getBoolean(4))));
            String sql = "SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), "
                    + "pg_get_expr(t.typdefaultbin, 0), t.typnotnull, "
                    + collation("t.typcollation", "(SELECT bt.typcollation FROM pg_type bt WHERE bt.oid = t.typbasetype)")
                    + ", obj_description(t.oid, 'pg_type') " + TYPES + "AND t.typtype = 'd' ORDER BY 1, 2";
            List<Domain> result = new ArrayList<>();
            each(sql, rs -> result.add(new Domain(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getBoolean(5), rs.getString(6), constraints.get(rs.getString(1) + "." + rs.getString(2)),
                    rs.getString(7))));
            return result;
        }

        private List<Extension> extensions() throws SQLException {
            String sql = "SELECT e.extname, e.extversion, n.nspname FROM pg_extension e "
                    + "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1";
            List<Extension> result = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    result.add(new Extension(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return result;
        }

        private List<EventTrigger> eventTriggers() throws SQLException {
            String sql = "SELECT e.evtname, e.evtevent, e.evttags, e.evtfoid::regprocedure::text, e.evtenabled::text, "
                    + "obj_description(e.oid, 'pg_event_trigger') FROM pg_event_trigger e ORDER BY 1";
            List<EventTrigger> result = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    result.add(new EventTrigger(rs.getString(1), rs.getString(2), strings(rs, 3), rs.getString(4),
                            enabled(rs.getString(5)), rs.getString(6)));
                }
            }
            return result;
        }
    }

    /** SQL: the collation's (qualified unless in pg_catalog) name when it is not the type's default, else NULL. */
    private static String collation(String collation, String typeCollation) {
        return "(SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname ELSE cn.nspname || '.' || co.collname END "
                + "FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = " + collation
                + " AND " + collation + " <> 0 AND " + collation + " IS DISTINCT FROM " + typeCollation + ")";
    }

    /** SQL: the names of the columns numbered in {@code keys} of relation {@code relation}, in order. */
    private static String names(String keys, String relation) {
        return "(SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(" + keys + ") WITH ORDINALITY k(n, i) "
                + "JOIN pg_attribute a ON a.attrelid = " + relation + " AND a.attnum = k.n)";
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        } finally {
            array.free();
        }
    }

    private static String constraintType(String code) {
        return switch (code) {
            case "p" -> Constraint.PRIMARY_KEY;
            case "u" -> Constraint.UNIQUE;
            case "f" -> Constraint.FOREIGN_KEY;
            case "c" -> Constraint.CHECK;
            case "x" -> Constraint.EXCLUSION;
            default -> "trigger";
        };
    }

    private static String action(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "r" -> "restrict";
            case "c" -> "cascade";
            case "n" -> "set null";
            case "d" -> "set default";
            default -> "no action";
        };
    }

    private static String match(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "f" -> "full";
            case "p" -> "partial";
            default -> "simple";
        };
    }

    private static String enabled(String code) {
        return switch (code) {
            case "D" -> "disabled";
            case "R" -> "replica";
            case "A" -> "always";
            default -> "enabled";
        };
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** A table or view while its parts are collected. */
    private static final class Relation {
        String schema;
        String name;
        String kind;
        boolean unlogged;
        String partitionKey;
        String partitionOf;
        String partitionBound;
        final List<String> inherits = new ArrayList<>();
        List<String> options;
        String tablespace;
        boolean rowSecurity;
        boolean forceRowSecurity;
        String comment;
        List<String> privileges;
        String definition;
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final List<Policy> policies = new ArrayList<>();
    }
}
