package org.migrationharness.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything a migration can change in a set of PostgreSQL schemas, as read from the catalog by {@link SchemaReader}:
 * a tree of values with no OIDs and no creation order, so two databases built the same way give equal snapshots and
 * byte-identical JSON ({@link SchemaFiles}).
 *
 * <p>Every list is sorted by schema and name, except where order is meaning: enum labels, columns and composite type
 * attributes (by their position among live columns, dropped columns do not count), constraint and index columns,
 * inheritance parents. Names that point at another object ({@code referencedTable}, {@code partitionOf},
 * {@code ownedBy}) are schema-qualified; SQL text from the server ({@code definition}, {@code default}, types) is
 * rendered with only {@code pg_catalog} on the search path, so every user object in it is schema-qualified.
 *
 * <p>Privileges are normalized: only what differs from PostgreSQL's default for the object's owner is listed, as
 * {@code "grantee: PRIVILEGE"} (with {@code " (grantable)"}) for a grant and {@code "grantee: PRIVILEGE revoked"} for a
 * default privilege taken away; the owner is written {@code owner} and {@code 0} as {@code PUBLIC}. So the same
 * {@code GRANT}s give the same snapshot whatever the connecting user is called. Owners themselves are not recorded.
 *
 * @param schemas the schemas read
 * @param extensions every installed extension except {@code plpgsql} (database-wide)
 * @param eventTriggers every event trigger (database-wide)
 * @param enums enum types
 * @param compositeTypes stand-alone composite types ({@code CREATE TYPE ... AS (...)})
 * @param domains domains
 * @param sequences sequences, including those behind serial and identity columns
 * @param tables ordinary, partitioned (and their partitions), unlogged and foreign tables
 * @param views views and materialized views
 * @param routines functions and procedures
 */
public record SchemaSnapshot(
        List<Namespace> schemas,
        List<Extension> extensions,
        List<EventTrigger> eventTriggers,
        List<EnumType> enums,
        List<CompositeType> compositeTypes,
        List<Domain> domains,
        List<Sequence> sequences,
        List<Table> tables,
        List<View> views,
        List<Routine> routines) {

    public SchemaSnapshot {
        schemas = sorted(schemas, Comparator.comparing(Namespace::name));
        extensions = sorted(extensions, Comparator.comparing(Extension::name));
        eventTriggers = sorted(eventTriggers, Comparator.comparing(EventTrigger::name));
        enums = sorted(enums, Comparator.comparing(EnumType::schema).thenComparing(EnumType::name));
        compositeTypes = sorted(compositeTypes, Comparator.comparing(CompositeType::schema).thenComparing(CompositeType::name));
        domains = sorted(domains, Comparator.comparing(Domain::schema).thenComparing(Domain::name));
        sequences = sorted(sequences, Comparator.comparing(Sequence::schema).thenComparing(Sequence::name));
        tables = sorted(tables, Comparator.comparing(Table::schema).thenComparing(Table::name));
        views = sorted(views, Comparator.comparing(View::schema).thenComparing(View::name));
        routines = sorted(routines, Comparator.comparing(Routine::schema).thenComparing(Routine::name)
                .thenComparing(Routine::arguments, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** A snapshot with nothing in it. */
    public static SchemaSnapshot empty() {
        return new SchemaSnapshot(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The table called {@code name}: either {@code schema.table} or a bare table name that only one schema has.
     */
    public Optional<Table> table(String name) {
        List<Table> found = tables.stream().filter(t -> name.equals(t.schema() + "." + t.name())).toList();
        if (found.isEmpty()) {
            found = tables.stream().filter(t -> name.equals(t.name())).toList();
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The enum type called {@code name} ({@code schema.type} or a bare name that only one schema has). */
    public Optional<EnumType> enumType(String name) {
        List<EnumType> found = enums.stream().filter(t -> name.equals(t.schema() + "." + t.name())).toList();
        if (found.isEmpty()) {
            found = enums.stream().filter(t -> name.equals(t.name())).toList();
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * A schema.
     *
     * @param name its name
     * @param comment its comment, or null
     * @param privileges grants and revocations that differ from the owner's default (see the class comment)
     */
    public record Namespace(String name, String comment, List<String> privileges) {
        public Namespace {
            privileges = sortedStrings(privileges);
        }
    }

    /**
     * An installed extension.
     *
     * @param name its name, e.g. {@code pgcrypto}
     * @param version the installed version
     * @param schema the schema its objects live in
     */
    public record Extension(String name, String version, String schema) {
    }

    /**
     * An event trigger.
     *
     * @param name its name
     * @param event the event, e.g. {@code ddl_command_end}
     * @param tags the command tags it fires for, empty for all
     * @param function the function it calls, with its argument types
     * @param enabled {@code enabled}, {@code disabled}, {@code replica} or {@code always}
     * @param comment its comment, or null
     */
    public record EventTrigger(String name, String event, List<String> tags, String function, String enabled,
                               String comment) {
        public EventTrigger {
            tags = sortedStrings(tags);
        }
    }

    /**
     * An enum type.
     *
     * @param schema its schema
     * @param name its name
     * @param labels its labels in sort order
     * @param comment its comment, or null
     */
    public record EnumType(String schema, String name, List<String> labels, String comment) {
        public EnumType {
            labels = copy(labels);
        }
    }

    /**
     * A stand-alone composite type.
     *
     * @param schema its schema
     * @param name its name
     * @param attributes its attributes, in order
     * @param comment its comment, or null
     */
    public record CompositeType(String schema, String name, List<Attribute> attributes, String comment) {
        public CompositeType {
            attributes = copy(attributes);
        }
    }

    /**
     * An attribute of a composite type.
     *
     * @param name its name
     * @param type its type, with modifiers
     * @param collation its collation when not the type's default, else null
     */
    public record Attribute(String name, String type, String collation) {
    }

    /**
     * A domain.
     *
     * @param schema its schema
     * @param name its name
     * @param baseType the type it is based on, with modifiers
     * @param defaultValue its default expression, or null
     * @param notNull whether it is declared {@code NOT NULL}
     * @param collation its collation when not the base type's default, else null
     * @param constraints its check constraints, by name
     * @param comment its comment, or null
     */
    public record Domain(String schema, String name, String baseType,
                         @JsonProperty("default") String defaultValue, boolean notNull, String collation,
                         List<DomainConstraint> constraints, String comment) {
        public Domain {
            constraints = sorted(constraints, Comparator.comparing(DomainConstraint::name));
        }
    }

    /**
     * A check constraint of a domain.
     *
     * @param name its name
     * @param definition as {@code pg_get_constraintdef} gives it
     * @param validated false when it was added {@code NOT VALID} and not validated since
     */
    public record DomainConstraint(String name, String definition, boolean validated) {
    }

    /**
     * A sequence.
     *
     * @param schema its schema
     * @param name its name
     * @param type its data type: {@code smallint}, {@code integer} or {@code bigint}
     * @param start its start value
     * @param increment its increment
     * @param min its minimum value
     * @param max its maximum value
     * @param cache how many values are cached
     * @param cycle whether it cycles
     * @param ownedBy the column that owns it ({@code schema.table.column}, serial or identity), or null
     * @param comment its comment, or null
     * @param privileges grants and revocations that differ from the owner's default
     */
    public record Sequence(String schema, String name, String type, long start, long increment, long min, long max,
                           long cache, boolean cycle, String ownedBy, String comment, List<String> privileges) {
        public Sequence {
            privileges = sortedStrings(privileges);
        }
    }

    /**
     * A table.
     *
     * @param schema its schema
     * @param name its name
     * @param kind {@code table}, {@code partitioned table} or {@code foreign table}
     * @param unlogged whether it is {@code UNLOGGED}
     * @param partitionKey for a partitioned table, its key as {@code pg_get_partkeydef} gives it, e.g. {@code RANGE (occurred_at)}
     * @param partitionOf for a partition, its parent ({@code schema.table}), else null
     * @param partitionBound for a partition, its bound, e.g. {@code FOR VALUES FROM (...) TO (...)}, else null
     * @param inherits the parents of a table with (non-partition) inheritance, in order
     * @param options storage parameters ({@code reloptions}), e.g. {@code fillfactor=70}, sorted
     * @param tablespace its tablespace when not the database's default, else null
     * @param rowSecurity whether row-level security is enabled
     * @param forceRowSecurity whether row-level security applies to the owner too
     * @param comment its comment, or null
     * @param privileges grants and revocations that differ from the owner's default
     * @param columns its columns, in order
     * @param constraints its constraints, by name
     * @param indexes its indexes (those behind constraints too), by name
     * @param triggers its triggers (not internal ones), by name
     * @param policies its row-level security policies, by name
     */
    public record Table(String schema, String name, String kind, boolean unlogged, String partitionKey,
                        String partitionOf, String partitionBound, List<String> inherits, List<String> options,
                        String tablespace, boolean rowSecurity, boolean forceRowSecurity, String comment,
                        List<String> privileges, List<Column> columns, List<Constraint> constraints,
                        List<Index> indexes, List<Trigger> triggers, List<Policy> policies) {
        public Table {
            inherits = copy(inherits);
            options = sortedStrings(options);
            privileges = sortedStrings(privileges);
            columns = sorted(columns, Comparator.comparingInt(Column::position));
            constraints = sorted(constraints, Comparator.comparing(Constraint::name));
            indexes = sorted(indexes, Comparator.comparing(Index::name));
            triggers = sorted(triggers, Comparator.comparing(Trigger::name));
            policies = sorted(policies, Comparator.comparing(Policy::name));
        }

        /** The column called {@code name}. */
        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        /** The names of its columns, in order. */
        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        /** Its primary key, if it has one. */
        public Optional<Constraint> primaryKey() {
            return constraints.stream().filter(c -> c.type().equals(Constraint.PRIMARY_KEY)).findFirst();
        }
    }

    /**
     * A column of a table or view.
     *
     * @param name its name
     * @param position its 1-based position among the live columns (dropped columns do not count)
     * @param type its type with modifiers, as {@code format_type} gives it
     * @param notNull whether it is {@code NOT NULL}
     * @param defaultValue its default expression, or null (null for generated columns too)
     * @param identity {@code always} or {@code by default} for an identity column, else null
     * @param generated the expression of a generated ({@code STORED}) column, else null
     * @param collation its collation when not its type's default, else null
     * @param comment its comment, or null
     * @param privileges its column-level grants, sorted
     */
    public record Column(String name, int position, String type, boolean notNull,
                         @JsonProperty("default") String defaultValue, String identity, String generated,
                         String collation, String comment, List<String> privileges) {
        public Column {
            privileges = sortedStrings(privileges);
        }
    }

    /**
     * A table constraint.
     *
     * @param name its name
     * @param type {@code primary key}, {@code unique}, {@code foreign key}, {@code check}, {@code exclusion} or
     *             {@code trigger} (constraint trigger)
     * @param definition as {@code pg_get_constraintdef} gives it
     * @param columns the constrained columns, in order (empty for a check constraint on an expression)
     * @param referencedTable for a foreign key, the target table ({@code schema.table}), else null
     * @param referencedColumns for a foreign key, the target columns, in order
     * @param onDelete for a foreign key: {@code no action}, {@code restrict}, {@code cascade}, {@code set null} or
     *                 {@code set default}; else null
     * @param onUpdate for a foreign key, like {@code onDelete}
     * @param match for a foreign key: {@code simple}, {@code full} or {@code partial}; else null
     * @param deferrable whether it is {@code DEFERRABLE}
     * @param initiallyDeferred whether it is {@code INITIALLY DEFERRED}
     * @param validated false when it was added {@code NOT VALID} and not validated since
     * @param comment its comment, or null
     */
    public record Constraint(String name, String type, String definition, List<String> columns,
                             String referencedTable, List<String> referencedColumns, String onDelete, String onUpdate,
                             String match, boolean deferrable, boolean initiallyDeferred, boolean validated,
                             String comment) {

        public static final String PRIMARY_KEY = "primary key";
        public static final String UNIQUE = "unique";
        public static final String FOREIGN_KEY = "foreign key";
        public static final String CHECK = "check";
        public static final String EXCLUSION = "exclusion";

        public Constraint {
            columns = copy(columns);
            referencedColumns = copy(referencedColumns);
        }
    }

    /**
     * An index.
     *
     * @param name its name
     * @param definition as {@code pg_get_indexdef} gives it
     * @param method its access method, e.g. {@code btree}
     * @param keys its key columns and expressions, in order
     * @param include its {@code INCLUDE} columns, in order
     * @param unique whether it is unique
     * @param predicate the {@code WHERE} of a partial index, else null
     * @param valid false for an {@code INVALID} index (e.g. a failed {@code CREATE INDEX CONCURRENTLY})
     * @param constraint the primary key, unique or exclusion constraint it backs, else null
     * @param tablespace its tablespace when not the database's default, else null
     * @param comment its comment, or null
     */
    public record Index(String name, String definition, String method, List<String> keys, List<String> include,
                        boolean unique, String predicate, boolean valid, String constraint, String tablespace,
                        String comment) {
        public Index {
            keys = copy(keys);
            include = copy(include);
        }
    }

    /**
     * A trigger (internal triggers, e.g. those behind foreign keys, are left out).
     *
     * @param name its name
     * @param definition as {@code pg_get_triggerdef} gives it
     * @param enabled {@code enabled}, {@code disabled}, {@code replica} or {@code always}
     * @param comment its comment, or null
     */
    public record Trigger(String name, String definition, String enabled, String comment) {
    }

    /**
     * A row-level security policy.
     *
     * @param name its name
     * @param command {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
     * @param permissive true for {@code PERMISSIVE}, false for {@code RESTRICTIVE}
     * @param roles the roles it applies to, sorted ({@code PUBLIC} for everyone)
     * @param using its {@code USING} expression, or null
     * @param withCheck its {@code WITH CHECK} expression, or null
     * @param comment its comment, or null
     */
    public record Policy(String name, String command, boolean permissive, List<String> roles, String using,
                         String withCheck, String comment) {
        public Policy {
            roles = sortedStrings(roles);
        }
    }

    /**
     * A view or materialized view.
     *
     * @param schema its schema
     * @param name its name
     * @param materialized whether it is a materialized view
     * @param definition its query as {@code pg_get_viewdef} gives it
     * @param options its options ({@code reloptions}), e.g. {@code security_invoker=true}, sorted
     * @param comment its comment, or null
     * @param privileges grants and revocations that differ from the owner's default
     * @param columns its columns, in order
     * @param indexes its indexes (materialized views), by name
     * @param triggers its triggers (e.g. {@code INSTEAD OF}), by name
     */
    public record View(String schema, String name, boolean materialized, String definition, List<String> options,
                       String comment, List<String> privileges, List<Column> columns, List<Index> indexes,
                       List<Trigger> triggers) {
        public View {
            options = sortedStrings(options);
            privileges = sortedStrings(privileges);
            columns = sorted(columns, Comparator.comparingInt(Column::position));
            indexes = sorted(indexes, Comparator.comparing(Index::name));
            triggers = sorted(triggers, Comparator.comparing(Trigger::name));
        }
    }

    /**
     * A function or procedure (not aggregates; not the members of an extension).
     *
     * @param schema its schema
     * @param name its name
     * @param kind {@code function} or {@code procedure}
     * @param arguments its identity arguments as {@code pg_get_function_identity_arguments} gives them
     * @param result its result type as {@code pg_get_function_result} gives it, null for a procedure
     * @param language its language, e.g. {@code plpgsql}
     * @param volatility {@code immutable}, {@code stable} or {@code volatile}
     * @param strict whether it is {@code STRICT}
     * @param securityDefiner whether it is {@code SECURITY DEFINER}
     * @param parallel {@code safe}, {@code restricted} or {@code unsafe}
     * @param config its {@code SET} clauses, e.g. {@code search_path=public}, sorted
     * @param body its source ({@code prosrc}), or for a SQL-standard body ({@code BEGIN ATOMIC}) that body
     * @param comment its comment, or null
     * @param privileges grants and revocations that differ from the owner's default
     */
    public record Routine(String schema, String name, String kind, String arguments, String result, String language,
                          String volatility, boolean strict, boolean securityDefiner, String parallel,
                          List<String> config, String body, String comment, List<String> privileges) {
        public Routine {
            config = sortedStrings(config);
            privileges = sortedStrings(privileges);
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static List<String> sortedStrings(List<String> list) {
        return list == null ? List.of() : list.stream().sorted().toList();
    }

    private static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
        return list == null ? List.of() : list.stream().sorted(order).toList();
    }
}
