package org.migrationharness.check.naming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.schema.SchemaSnapshot.Column;
import org.migrationharness.schema.SchemaSnapshot.Constraint;
import org.migrationharness.schema.SchemaSnapshot.Index;
import org.migrationharness.schema.SchemaSnapshot.Table;
import org.migrationharness.schema.SchemaSnapshot.View;
import org.migrationharness.source.naming.Baseline;
import org.migrationharness.source.naming.NamingConfig;
import org.migrationharness.source.naming.NamingReport;
import org.migrationharness.source.naming.NamingRule;
import org.migrationharness.source.naming.Rule;
import org.migrationharness.sql.Names;

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
     * Applies the rules to what the migrations after the baseline added (everything without one): an object already
     * in the catalog at the baseline (in production, where it cannot be renamed) is not checked, nor is an identifier
     * of a script of a migration up to the baseline; with a baseline, the first finding is an info line saying how
     * many were left out.
     *
     * @param snapshot the migrated database: every non-system schema
     * @param ownSchemas the service's schemas ({@code schemas:}); empty when it declares none
     * @param reservedWords the server's reserved keywords ({@code pg_get_keywords()}, category R)
     * @param scripts the scripts of the set (up, down and repeatable), scanned
     * @param baseline the naming baseline over the set ({@link Baseline.Scope#NONE} for none)
     * @param atBaseline the catalog of a database migrated up to the baseline, the same schemas read as
     *        {@code snapshot}; null without a baseline
     * @return the findings, then a warning for each stale suppression of an object rule
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
            String target = renamedTo(named);
            for (SchemaSnapshot.DomainConstraint constraint : domain.constraints()) {
                Named c = new Named("check constraint " + domain.schema() + "." + domain.name() + "." + constraint.name(),
                        constraint.name(), "ALTER DOMAIN " + qualified(domain.schema(), domain.name())
                        + " RENAME CONSTRAINT " + sql(constraint.name()), false);
                names(c, new Prefix(NamingRule.CHECK_PREFIX, domain.schema() + "." + domain.name(),
                        "a check constraint of domain", List.of(domain.name()), List.of(target), "(_.*)?_check", "_check",
                        "chk_" + target + "_rule"));
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
        String target = renamedTo(named);
        List<String> targets = new ArrayList<>(tables);
        targets.set(0, target);
        for (Column column : table.columns()) {
            names(new Named("column " + path + "." + column.name(), column.name(), alterTable + qualified
                    + " RENAME COLUMN " + sql(column.name()), true));
        }
        for (Constraint constraint : table.constraints()) {
            Named c = new Named(constraintKind(constraint) + " " + path + "." + constraint.name(), constraint.name(),
                    "ALTER TABLE " + qualified + " RENAME CONSTRAINT " + sql(constraint.name()), false);
            String columns = constraint.columns().stream().map(Names::snakeCase).filter(column -> !column.isEmpty())
                    .reduce((a, b) -> a + "_" + b).orElse("rule");
            Prefix prefix = switch (constraint.type()) {
                case Constraint.PRIMARY_KEY -> new Prefix(NamingRule.PRIMARY_KEY_NAME, path, "the primary key of",
                        tables, targets, "_pkey", "_pkey", "pk_" + target);
                case Constraint.UNIQUE -> new Prefix(NamingRule.UNIQUE_PREFIX, path, "a unique constraint on", tables,
                        targets, "(_.*)?_key", "_<columns>_key", "uq_" + target + "_" + columns);
                case Constraint.FOREIGN_KEY -> new Prefix(NamingRule.FOREIGN_KEY_PREFIX, path, "a foreign key of", tables,
                        targets, "(_.*)?_fkey", "_<columns>_fkey", "fk_" + target + "_"
                        + Names.snakeCase(unqualified(constraint.referencedTable())));
                case Constraint.CHECK -> new Prefix(NamingRule.CHECK_PREFIX, path, "a check constraint on", tables,
                        targets, "(_.*)?_check", "_<columns>_check", "chk_" + target + "_" + columns);
                default -> null; // exclusion and constraint triggers: case and reserved words only
            };
            names(c, prefix);
        }
        indexes(table.indexes(), path, tables, targets);
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
        indexes(view.indexes(), path, List.of(view.name()), List.of(renamedTo(named)));
        for (SchemaSnapshot.Trigger trigger : view.triggers()) {
            names(new Named("trigger " + path + "." + trigger.name(), trigger.name(), "ALTER TRIGGER "
                    + sql(trigger.name()) + " ON " + qualified + " RENAME", false));
        }
    }

    /** Indexes that back no constraint (those that do are judged as the constraint). */
    private void indexes(List<Index> indexes, String path, List<String> tables, List<String> targets) {
        String table = targets.get(0);
        String schema = path.substring(0, path.indexOf('.'));
        for (Index index : indexes) {
            if (index.constraint() != null) {
                continue;
            }
            Named named = new Named("index " + schema + "." + index.name(), index.name(), "ALTER INDEX "
                    + qualified(schema, index.name()) + " RENAME", false);
            String columns = index.keys().stream().map(ObjectNaming::keyName).filter(k -> !k.isEmpty())
                    .reduce((a, b) -> a + "_" + b).orElse("expr");
            names(named, index.unique()
                    ? new Prefix(NamingRule.UNIQUE_PREFIX, path, "a unique index on", tables, targets, "(_.*)?_idx",
                            "_<columns>_idx", "uq_" + table + "_" + columns)
                    : new Prefix(NamingRule.INDEX_PREFIX, path, "an index on", tables, targets, "(_.*)?_idx",
                            "_<columns>_idx", "idx_" + table + "_" + columns));
        }
    }

    // ---- the rules ---------------------------------------------------------------------------------------------

    /**
     * The prefix rule of one object: the pattern for its table (or a parent of a partition), or the name PostgreSQL
     * generates ({@code <table><generated>}) when those are accepted.
     *
     * @param rule the rule
     * @param path the object's table or domain, {@code schema.name}, for messages
     * @param what what the object is, for messages ({@code an index on})
     * @param tables the names {@code {table}} may stand for
     * @param targets the same once the table is renamed as its own finding says (the same names when it has none):
     *        a hint must follow the rule with these, so that applying every hint leaves no finding
     * @param generated the pattern of PostgreSQL's generated name after the table's
     * @param generatedShown that pattern as messages show it
     * @param suggestion a name that follows the rule's default pattern, to suggest
     */
    private record Prefix(NamingRule rule, String path, String what, List<String> tables, List<String> targets,
                          String generated, String generatedShown, String suggestion) {

        /** Whether the hint is for the table's new name: the object is renamed before the table is. */
        boolean retargeted() {
            return !targets.equals(tables);
        }
    }

    /** lower-snake-case and reserved-word for any name, and its prefix rule if it has one. */
    private void names(Named named) {
        names(named, null);
    }

    private void names(Named named, Prefix prefix) {
        seen.add(named.key());
        Rule snake = report.rule(NamingRule.LOWER_SNAKE_CASE);
        if (snake.enabled() && !Pattern.matches(snake.pattern(), named.name())) {
            String quoting = sql(named.name()).startsWith("\"")
                    ? "; found " + sql(named.name()) + ", which every statement must quote" : "";
            report(NamingRule.LOWER_SNAKE_CASE, named, "expected a lower snake_case name matching " + snake.pattern()
                    + quoting, rename(named, prefix));
        }
        if (report.rule(NamingRule.RESERVED_WORD).enabled() && reserved.contains(named.name())) {
            report(NamingRule.RESERVED_WORD, named, "expected a name that is not a reserved keyword; found "
                    + named.name() + ", which every statement must quote as \"" + named.name() + "\"",
                    rename(named, prefix));
        }
        if (prefix != null && !follows(prefix, named.name(), prefix.tables())) {
            Rule rule = report.rule(prefix.rule());
            Rule alternative = alternative(prefix);
            String table = prefix.tables().get(0);
            String expected = rule.expected(table) + (alternative == null ? "" : " or " + alternative.expected(table))
                    + (rule.acceptGenerated() ? " (or PostgreSQL's own " + table + prefix.generatedShown() + ")" : "");
            report(prefix.rule(), named, "expected a name matching " + expected + " for " + prefix.what() + " "
                    + prefix.path(), rename(named, prefix));
        }
    }

    /** Whether a name follows the prefix rule (or its alternative, or is the name PostgreSQL generates, if accepted). */
    private boolean follows(Prefix prefix, String name, List<String> tables) {
        Rule rule = report.rule(prefix.rule());
        if (!rule.enabled() || rule.matches(name, tables)) {
            return true;
        }
        Rule alternative = alternative(prefix);
        if (alternative != null && alternative.matches(name, tables)) {
            return true;
        }
        return rule.acceptGenerated() && tables.stream()
                .anyMatch(table -> Pattern.matches(Pattern.quote(table) + prefix.generated() + "[0-9]*", name));
    }

    /** A unique index may follow the index rule instead of the unique rule. */
    private Rule alternative(Prefix prefix) {
        return prefix.rule() == NamingRule.UNIQUE_PREFIX && prefix.what().contains("index")
                ? report.rule(NamingRule.INDEX_PREFIX) : null;
    }

    /**
     * The new name to suggest: the first candidate (the name in snake_case, its plural, with a letter first, the
     * prefix rule's own suggestion) that passes every rule an object of its kind is held to, cut to 63 bytes as the
     * server would: lower-snake-case, reserved-word, max-length and its prefix rule. {@code <new_name>} when none
     * does (a pattern no candidate can meet, or a table whose own name breaks the rules: rename that first).
     */
    private String hint(Named named, Prefix prefix) {
        List<String> candidates = new ArrayList<>(Names.candidates(named.name()));
        if (prefix != null) {
            candidates.add(prefix.suggestion());
        }
        for (String candidate : candidates) {
            String name = Names.truncated(candidate);
            if (!name.equals(named.name()) && followsEveryRule(name, prefix)) {
                return name;
            }
        }
        return "<new_name>";
    }

    private boolean followsEveryRule(String name, Prefix prefix) {
        Rule snake = report.rule(NamingRule.LOWER_SNAKE_CASE);
        if (snake.enabled() && !Pattern.matches(snake.pattern(), name)) {
            return false;
        }
        if (report.rule(NamingRule.RESERVED_WORD).enabled() && reserved.contains(name)) {
            return false;
        }
        return Names.bytes(name) <= Names.MAX_BYTES && (prefix == null || follows(prefix, name, prefix.targets()));
    }

    /** The name an object will have once renamed as its finding says: its hint when it breaks a rule, else its name. */
    private String renamedTo(Named named) {
        if (followsEveryRule(named.name(), null)) {
            return named.name();
        }
        String hint = hint(named, null);
        return hint.startsWith("<") ? named.name() : hint;
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

    private String rename(Named named, Prefix prefix) {
        String newName = hint(named, prefix);
        String order = prefix != null && prefix.retargeted() && !newName.startsWith("<")
                ? " before renaming " + prefix.path() + " to " + prefix.targets().get(0) + " (its own finding)" : "";
        return "Rename it" + order + ": " + named.alter() + " TO " + (newName.startsWith("<") ? newName : sql(newName))
                + ";";
    }

    /** An index key as part of a name: a plain column, a quoted column in snake_case, nothing for an expression. */
    private static String keyName(String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return key;
        }
        return key.matches("\"[^\"]+\"") ? Names.snakeCase(key.substring(1, key.length() - 1)) : "";
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
        return reserved.contains(name) ? Names.quote(name) : Names.sql(name);
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
