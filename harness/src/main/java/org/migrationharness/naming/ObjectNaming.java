package org.migrationharness.naming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.migrationharness.internal.DisplayPath;
import org.migrationharness.report.CheckId;
import org.migrationharness.report.Finding;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.schema.SchemaSnapshot.Column;
import org.migrationharness.schema.SchemaSnapshot.Constraint;
import org.migrationharness.schema.SchemaSnapshot.Index;
import org.migrationharness.schema.SchemaSnapshot.Table;
import org.migrationharness.schema.SchemaSnapshot.View;

/**
 * The rules of {@code naming.object}, applied to the catalog of a fully migrated database (every non-system schema)
 * and to the identifiers of the scripts ({@code max-length}: the catalog only holds names already truncated).
 *
 * <p>A finding names its object as {@code <kind> <schema>.<name>} (a column, constraint, trigger or policy as
 * {@code <kind> <schema>.<table>.<name>}), which is also how a suppression names it; its file and line are those of
 * the first up script that names the object, when one does.
 */
public final class ObjectNaming {

    private static final Pattern PLAIN_KEY = Pattern.compile("[a-z_][a-z0-9_]*");

    private final NamingReport report;
    private final Set<String> reserved;
    private final List<String> own;
    private final Map<String, Location> firstSeen = new HashMap<>();
    private final Map<String, Location> firstSeenQuoted = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private final Set<String> beforeBaseline;
    /** Every object the catalog walk meets, by key. */
    private final Set<String> seen = new HashSet<>();

    private ObjectNaming(NamingConfig config, Set<String> reserved, List<String> own, List<ScannedScript> scripts,
                         Baseline.Scope baseline, Set<String> beforeBaseline) {
        this.report = new NamingReport(config, CheckId.NAMING_OBJECT, baseline);
        this.reserved = Set.copyOf(reserved);
        this.own = List.copyOf(own);
        this.beforeBaseline = Set.copyOf(beforeBaseline);
        for (ScannedScript script : scripts) {
            if (!script.up()) {
                continue;
            }
            for (SqlIdentifier identifier : script.identifiers()) {
                Location location = new Location(script.migration(), DisplayPath.of(script.file()), identifier.line());
                firstSeen.putIfAbsent(identifier.stored(), location);
                if (identifier.quoted()) {
                    firstSeenQuoted.putIfAbsent(identifier.stored(), location);
                }
            }
        }
    }

    /**
     * Applies the rules.
     *
     * @param snapshot the migrated database: every non-system schema
     * @param ownSchemas the service's schemas ({@code schemas:}); empty when it declares none
     * @param reservedWords the server's reserved keywords ({@code pg_get_keywords()}, category R)
     * @param scripts the scripts of the set (up, down and repeatable), scanned
     * @return the findings, then a warning for each stale suppression of an object rule
     */
    public static List<Finding> check(NamingConfig config, SchemaSnapshot snapshot, List<String> ownSchemas,
                                      Set<String> reservedWords, List<ScannedScript> scripts) {
        return check(config, snapshot, ownSchemas, reservedWords, scripts, Baseline.Scope.NONE, null);
    }

    /**
     * Applies the rules to what the migrations after the baseline added: an object already in the catalog at the
     * baseline (in production, where it cannot be renamed) is not checked, nor is an identifier of a script of a
     * migration up to the baseline; the first finding is then an info line saying how many were left out.
     *
     * @param baseline the naming baseline over the set
     * @param atBaseline the catalog of a database migrated up to the baseline, the same schemas read as
     *        {@code snapshot}; null without a baseline
     */
    public static List<Finding> check(NamingConfig config, SchemaSnapshot snapshot, List<String> ownSchemas,
                                      Set<String> reservedWords, List<ScannedScript> scripts, Baseline.Scope baseline,
                                      SchemaSnapshot atBaseline) {
        Set<String> old = Set.of();
        if (baseline.present() && atBaseline != null) {
            ObjectNaming walk = new ObjectNaming(config, reservedWords, ownSchemas, List.of(), Baseline.Scope.NONE,
                    Set.of());
            walk.catalog(atBaseline);
            old = walk.seen;
        }
        ObjectNaming naming = new ObjectNaming(config, reservedWords, ownSchemas, scripts, baseline, old);
        naming.lengths(scripts);
        naming.catalog(snapshot);
        return naming.report.findings("the " + old.size() + " objects in the catalog at the baseline are not checked");
    }

    private record Location(String migration, String file, int line) {
    }

    /**
     * An object with a name.
     *
     * @param key how findings and suppressions name it
     * @param name its name
     * @param alter the statement that renames it, up to {@code TO}
     * @param column whether it is a column or attribute (located only by a quoted mention: plain column names repeat)
     */
    private record Named(String key, String name, String alter, boolean column) {
    }

    // ---- max-length --------------------------------------------------------------------------------------------

    private void lengths(List<ScannedScript> scripts) {
        if (!report.rule(NamingRule.MAX_LENGTH).enabled()) {
            return;
        }
        for (ScannedScript script : scripts) {
            Set<String> seen = new HashSet<>();
            for (SqlIdentifier identifier : script.identifiers()) {
                if (!identifier.truncated() || !seen.add(identifier.name())) {
                    continue;
                }
                String written = identifier.quoted() ? sql(identifier.name()) : identifier.name();
                report.report(NamingRule.MAX_LENGTH, "identifier " + identifier.name(), script.migration(),
                        DisplayPath.of(script.file()), identifier.line(), "identifier " + identifier.name() + ": "
                                + identifier.bytes() + " bytes long; expected at most " + Names.MAX_BYTES + " (rule "
                                + NamingRule.MAX_LENGTH.id() + "). PostgreSQL truncates it to " + identifier.stored()
                                + " with only a NOTICE (identifier \"" + identifier.name() + "\" will be truncated to \""
                                + identifier.stored() + "\"), so the object gets a name the script does not show.\n"
                                + "Shorten " + written + " to at most " + Names.MAX_BYTES + " bytes everywhere it is"
                                + " written, or suppress it with a reason under naming.suppress in harness.yaml: "
                                + suppression(NamingRule.MAX_LENGTH, "identifier " + identifier.name()));
            }
        }
    }

    // ---- the catalog -------------------------------------------------------------------------------------------

    private void catalog(SchemaSnapshot snapshot) {
        Set<String> extensionSchemas = new HashSet<>();
        snapshot.extensions().forEach(e -> extensionSchemas.add(e.schema()));
        for (SchemaSnapshot.Namespace schema : snapshot.schemas()) {
            Named named = new Named("schema " + schema.name(), schema.name(), "ALTER SCHEMA " + sql(schema.name())
                    + " RENAME", false);
            names(named);
            if (!own.isEmpty() && !own.contains(schema.name()) && !schema.name().equals("public")
                    && !extensionSchemas.contains(schema.name())) {
                report(NamingRule.OWN_SCHEMA, named, "expected only the service's schemas " + own + ", found schema "
                        + schema.name() + " created by its migrations", "Create its objects in " + own.get(0)
                        + " and drop the schema (or declare it under schemas: in harness.yaml)");
            }
        }
        for (Table table : snapshot.tables()) {
            table(table);
        }
        for (View view : snapshot.views()) {
            view(view);
        }
        for (SchemaSnapshot.Sequence sequence : snapshot.sequences()) {
            Named named = schemaObject("sequence", sequence.schema(), sequence.name(), "ALTER SEQUENCE");
            names(named);
            if (sequence.ownedBy() == null) {
                ownSchema(named, sequence.schema(), "ALTER SEQUENCE " + qualified(sequence.schema(), sequence.name()));
            }
        }
        for (SchemaSnapshot.EnumType type : snapshot.enums()) {
            Named named = schemaObject("type", type.schema(), type.name(), "ALTER TYPE");
            names(named);
            ownSchema(named, type.schema(), "ALTER TYPE " + qualified(type.schema(), type.name()));
        }
        for (SchemaSnapshot.CompositeType type : snapshot.compositeTypes()) {
            Named named = schemaObject("type", type.schema(), type.name(), "ALTER TYPE");
            names(named);
            ownSchema(named, type.schema(), "ALTER TYPE " + qualified(type.schema(), type.name()));
            for (SchemaSnapshot.Attribute attribute : type.attributes()) {
                names(new Named("attribute " + type.schema() + "." + type.name() + "." + attribute.name(),
                        attribute.name(), "ALTER TYPE " + qualified(type.schema(), type.name()) + " RENAME ATTRIBUTE "
                        + sql(attribute.name()), true));
            }
        }
        for (SchemaSnapshot.Domain domain : snapshot.domains()) {
            Named named = schemaObject("domain", domain.schema(), domain.name(), "ALTER DOMAIN");
            names(named);
            ownSchema(named, domain.schema(), "ALTER DOMAIN " + qualified(domain.schema(), domain.name()));
            for (SchemaSnapshot.DomainConstraint constraint : domain.constraints()) {
                Named c = new Named("check constraint " + domain.schema() + "." + domain.name() + "." + constraint.name(),
                        constraint.name(), "ALTER DOMAIN " + qualified(domain.schema(), domain.name())
                        + " RENAME CONSTRAINT " + sql(constraint.name()), false);
                names(c);
                prefix(NamingRule.CHECK_PREFIX, c, domain.schema() + "." + domain.name(), "a check constraint of domain",
                        List.of(domain.name()), "(_.*)?_check", "_check", "chk_" + domain.name() + "_rule");
            }
        }
        for (SchemaSnapshot.Routine routine : snapshot.routines()) {
            String kind = routine.kind().equals("procedure") ? "procedure" : "function";
            String signature = qualified(routine.schema(), routine.name()) + "(" + routine.arguments() + ")";
            Named named = new Named(kind + " " + routine.schema() + "." + routine.name(), routine.name(),
                    "ALTER " + kind.toUpperCase(java.util.Locale.ROOT) + " " + signature + " RENAME", false);
            names(named);
            ownSchema(named, routine.schema(), "ALTER " + kind.toUpperCase(java.util.Locale.ROOT) + " " + signature);
        }
    }

    private void table(Table table) {
        String qualified = qualified(table.schema(), table.name());
        String alterTable = table.kind().equals("foreign table") ? "ALTER FOREIGN TABLE " : "ALTER TABLE ";
        Named named = schemaObject(table.kind(), table.schema(), table.name(), alterTable.strip());
        names(named);
        if (table.partitionOf() == null) {
            ownSchema(named, table.schema(), alterTable + qualified);
        }
        String path = table.schema() + "." + table.name();
        List<String> tables = tableNames(table);
        for (Column column : table.columns()) {
            names(new Named("column " + path + "." + column.name(), column.name(), alterTable + qualified
                    + " RENAME COLUMN " + sql(column.name()), true));
        }
        for (Constraint constraint : table.constraints()) {
            Named c = new Named(constraintKind(constraint) + " " + path + "." + constraint.name(), constraint.name(),
                    "ALTER TABLE " + qualified + " RENAME CONSTRAINT " + sql(constraint.name()), false);
            names(c);
            String columns = constraint.columns().isEmpty() ? "rule" : String.join("_", constraint.columns());
            switch (constraint.type()) {
                case Constraint.PRIMARY_KEY -> prefix(NamingRule.PRIMARY_KEY_NAME, c, path, "the primary key of",
                        tables, "_pkey", "_pkey", "pk_" + table.name());
                case Constraint.UNIQUE -> prefix(NamingRule.UNIQUE_PREFIX, c, path, "a unique constraint on", tables,
                        "(_.*)?_key", "_<columns>_key", "uq_" + table.name() + "_" + columns);
                case Constraint.FOREIGN_KEY -> prefix(NamingRule.FOREIGN_KEY_PREFIX, c, path, "a foreign key of", tables,
                        "(_.*)?_fkey", "_<columns>_fkey", "fk_" + table.name() + "_" + unqualified(constraint.referencedTable()));
                case Constraint.CHECK -> prefix(NamingRule.CHECK_PREFIX, c, path, "a check constraint on", tables,
                        "(_.*)?_check", "_<columns>_check", "chk_" + table.name() + "_" + columns);
                default -> {
                    // exclusion and constraint triggers: case and reserved words only
                }
            }
        }
        indexes(table.indexes(), path, tables, table.name());
        for (SchemaSnapshot.Trigger trigger : table.triggers()) {
            names(new Named("trigger " + path + "." + trigger.name(), trigger.name(), "ALTER TRIGGER "
                    + sql(trigger.name()) + " ON " + qualified + " RENAME", false));
        }
        for (SchemaSnapshot.Policy policy : table.policies()) {
            names(new Named("policy " + path + "." + policy.name(), policy.name(), "ALTER POLICY "
                    + sql(policy.name()) + " ON " + qualified + " RENAME", false));
        }
    }

    private void view(View view) {
        String kind = view.materialized() ? "materialized view" : "view";
        String alter = view.materialized() ? "ALTER MATERIALIZED VIEW" : "ALTER VIEW";
        String qualified = qualified(view.schema(), view.name());
        Named named = schemaObject(kind, view.schema(), view.name(), alter);
        names(named);
        ownSchema(named, view.schema(), alter + " " + qualified);
        String path = view.schema() + "." + view.name();
        for (Column column : view.columns()) {
            names(new Named("column " + path + "." + column.name(), column.name(), alter + " " + qualified
                    + " RENAME COLUMN " + sql(column.name()), true));
        }
        indexes(view.indexes(), path, List.of(view.name()), view.name());
        for (SchemaSnapshot.Trigger trigger : view.triggers()) {
            names(new Named("trigger " + path + "." + trigger.name(), trigger.name(), "ALTER TRIGGER "
                    + sql(trigger.name()) + " ON " + qualified + " RENAME", false));
        }
    }

    /** Indexes that back no constraint (those that do are judged as the constraint). */
    private void indexes(List<Index> indexes, String path, List<String> tables, String table) {
        String schema = path.substring(0, path.indexOf('.'));
        for (Index index : indexes) {
            if (index.constraint() != null) {
                continue;
            }
            Named named = new Named("index " + schema + "." + index.name(), index.name(), "ALTER INDEX "
                    + qualified(schema, index.name()) + " RENAME", false);
            names(named);
            String columns = index.keys().stream().filter(k -> PLAIN_KEY.matcher(k).matches()).reduce((a, b) -> a + "_" + b)
                    .orElse("expr");
            if (index.unique()) {
                prefix(NamingRule.UNIQUE_PREFIX, named, path, "a unique index on", tables, "(_.*)?_idx", "_<columns>_idx",
                        "uq_" + table + "_" + columns);
            } else {
                prefix(NamingRule.INDEX_PREFIX, named, path, "an index on", tables, "(_.*)?_idx", "_<columns>_idx",
                        "idx_" + table + "_" + columns);
            }
        }
    }

    // ---- the rules ---------------------------------------------------------------------------------------------

    /** lower-snake-case and reserved-word, for any name. */
    private void names(Named named) {
        seen.add(named.key());
        Rule snake = report.rule(NamingRule.LOWER_SNAKE_CASE);
        if (snake.enabled() && !Pattern.matches(snake.pattern(), named.name())) {
            String quoting = sql(named.name()).startsWith("\"")
                    ? "; found " + sql(named.name()) + ", which every statement must quote" : "";
            report(NamingRule.LOWER_SNAKE_CASE, named, "expected a lower snake_case name matching " + snake.pattern()
                    + quoting, rename(named, Names.snakeCase(named.name())));
        }
        if (report.rule(NamingRule.RESERVED_WORD).enabled() && reserved.contains(named.name())) {
            report(NamingRule.RESERVED_WORD, named, "expected a name that is not a reserved keyword; found "
                    + named.name() + ", which every statement must quote as \"" + named.name() + "\"",
                    rename(named, "<new_name>"));
        }
    }

    /**
     * A prefix rule: the name matches the pattern for the table (or a parent of a partition), or is the name
     * PostgreSQL generates ({@code <table><generated>}) when those are accepted.
     */
    private void prefix(NamingRule id, Named named, String path, String what, List<String> tables, String generated,
                        String generatedShown, String suggestion) {
        Rule rule = report.rule(id);
        if (!rule.enabled()) {
            return;
        }
        boolean ok = rule.matches(named.name(), tables);
        Rule alternative = null;
        if (!ok && id == NamingRule.UNIQUE_PREFIX && what.contains("index")) {
            alternative = report.rule(NamingRule.INDEX_PREFIX);
            ok = alternative.matches(named.name(), tables);
        }
        if (!ok && rule.acceptGenerated()) {
            for (String table : tables) {
                if (Pattern.matches(Pattern.quote(table) + generated + "[0-9]*", named.name())) {
                    ok = true;
                }
            }
        }
        if (ok) {
            return;
        }
        String table = tables.get(0);
        String expected = rule.expected(table) + (alternative == null ? "" : " or " + alternative.expected(table))
                + (rule.acceptGenerated() ? " (or PostgreSQL's own " + table + generatedShown + ")" : "");
        boolean defaultPattern = rule.pattern().equals(id.defaultPattern());
        report(id, named, "expected a name matching " + expected + " for " + what + " " + path,
                rename(named, defaultPattern ? Names.truncated(suggestion) : "<new_name>"));
    }

    private void ownSchema(Named named, String schema, String alter) {
        if (own.isEmpty() || own.contains(schema)) {
            return;
        }
        report(NamingRule.OWN_SCHEMA, named, "expected it in the service's schemas " + own + ", found it in schema "
                + schema, "Move it: " + alter + " SET SCHEMA " + sql(own.get(0)) + ";");
    }

    private void report(NamingRule rule, Named named, String problem, String fix) {
        if (!report.rule(rule).enabled() || !reported.add(rule.id() + " " + named.key())) {
            return;
        }
        Location location = (named.column() ? firstSeenQuoted : firstSeen).get(named.name());
        report.report(rule, named.key(), location == null ? null : location.migration(),
                location == null ? null : location.file(), location == null ? null : location.line(),
                named.key() + ": " + problem + " (rule " + rule.id() + ").\n" + fix + "\nOr suppress it with a reason"
                        + " under naming.suppress in harness.yaml: " + suppression(rule, named.key()),
                beforeBaseline.contains(named.key()));
    }

    private String rename(Named named, String newName) {
        return "Rename it: " + named.alter() + " TO " + (newName.startsWith("<") ? newName : sql(newName)) + ";";
    }

    private static String suppression(NamingRule rule, String key) {
        return "{rule: " + rule.id() + ", object: \"" + key + "\", reason: \"...\"}";
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Named schemaObject(String kind, String schema, String name, String alter) {
        return new Named(kind + " " + schema + "." + name, name, alter + " " + qualified(schema, name) + " RENAME", false);
    }

    /** The name as SQL must write it: quoted when not plain lower case or when a reserved word. */
    private String sql(String name) {
        return reserved.contains(name) ? "\"" + name + "\"" : Names.sql(name);
    }

    private String qualified(String schema, String name) {
        return sql(schema) + "." + sql(name);
    }

    /** The table's name and, for a partition or an inheriting table, its parents' names: {@code {table}} may be any. */
    private static List<String> tableNames(Table table) {
        Set<String> names = new LinkedHashSet<>();
        names.add(table.name());
        if (table.partitionOf() != null) {
            names.add(unqualified(table.partitionOf()));
        }
        table.inherits().forEach(parent -> names.add(unqualified(parent)));
        return new ArrayList<>(names);
    }

    /** The name part of a schema-qualified name as the snapshot writes it ({@code schema.table}, unquoted). */
    private static String unqualified(String qualified) {
        return qualified == null ? "" : qualified.substring(qualified.indexOf('.') + 1);
    }

    private static String constraintKind(Constraint constraint) {
        return switch (constraint.type()) {
            case Constraint.UNIQUE -> "unique constraint";
            case Constraint.CHECK -> "check constraint";
            case Constraint.EXCLUSION -> "exclusion constraint";
            case Constraint.FOREIGN_KEY -> "foreign key";
            case Constraint.PRIMARY_KEY -> "primary key";
            default -> "constraint";
        };
    }
}
