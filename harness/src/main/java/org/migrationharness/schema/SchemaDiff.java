package org.migrationharness.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.migrationharness.schema.SchemaSnapshot.Column;
import org.migrationharness.schema.SchemaSnapshot.Constraint;
import org.migrationharness.schema.SchemaSnapshot.Index;
import org.migrationharness.schema.SchemaSnapshot.Policy;
import org.migrationharness.schema.SchemaSnapshot.Trigger;

/**
 * The differences between two {@link SchemaSnapshot}s, worded like a reviewer's note.
 *
 * <p>Objects are named by kind and name: {@code table accounts}, {@code type account_tier}, {@code function
 * f(integer)}. Names are schema-qualified ({@code table catalog_service.products}) exactly when the objects of the two
 * snapshots together lie in more than one schema (an empty {@code public} beside a service's schema does not count,
 * a table left in {@code public} does). Each object's parts (columns, constraints, indexes, triggers, policies,
 * attributes) are compared by name; a column that moved is reported once, as the table's {@code column order}, a
 * difference of its own kind ({@link Difference.Kind#COLUMN_ORDER}) that {@link #of(Difference.Kind)} sets apart.
 * A part present on one side only is shown with a short summary (a column's type, a constraint's definition).
 * A constraint's or index's full definition is reported only when none of its structured properties (columns,
 * target, actions, predicate...) explains the difference.
 */
public final class SchemaDiff {

    private final List<Difference> differences;

    private SchemaDiff(List<Difference> differences) {
        this.differences = List.copyOf(differences);
    }

    /** Compares {@code left} (e.g. before, expected) with {@code right} (e.g. after, actual). */
    public static SchemaDiff between(SchemaSnapshot left, SchemaSnapshot right) {
        Set<String> schemas = new TreeSet<>();
        for (SchemaSnapshot snapshot : List.of(left, right)) {
            schemasInUse(snapshot, schemas);
        }
        boolean qualify = schemas.size() > 1;
        Map<String, Node> leftNodes = Nodes.of(left, qualify);
        Map<String, Node> rightNodes = Nodes.of(right, qualify);
        Set<String> keys = new TreeSet<>(leftNodes.keySet());
        keys.addAll(rightNodes.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            Node l = leftNodes.get(key);
            Node r = rightNodes.get(key);
            if (l == null) {
                differences.add(new Difference(r.label(), null, null, r.summary()));
            } else if (r == null) {
                differences.add(new Difference(l.label(), null, l.summary(), null));
            } else {
                compare(l.label(), "", l, r, differences);
            }
        }
        return new SchemaDiff(differences);
    }

    /** Adds the schemas that hold at least one of the snapshot's types, sequences, tables, views or routines. */
    private static void schemasInUse(SchemaSnapshot s, Set<String> names) {
        s.enums().forEach(x -> names.add(x.schema()));
        s.compositeTypes().forEach(x -> names.add(x.schema()));
        s.domains().forEach(x -> names.add(x.schema()));
        s.sequences().forEach(x -> names.add(x.schema()));
        s.tables().forEach(x -> names.add(x.schema()));
        s.views().forEach(x -> names.add(x.schema()));
        s.routines().forEach(x -> names.add(x.schema()));
    }

    private static void compare(String object, String path, Node left, Node right, List<Difference> out) {
        List<Difference> main = new ArrayList<>();
        List<Difference> fallback = new ArrayList<>();
        Set<String> properties = new LinkedHashSet<>(left.properties().keySet());
        properties.addAll(right.properties().keySet());
        for (String property : properties) {
            String a = left.properties().getOrDefault(property, Difference.NONE);
            String b = right.properties().getOrDefault(property, Difference.NONE);
            if (!a.equals(b)) {
                (left.fallback().contains(property) ? fallback : main).add(new Difference(object, path + property, a, b));
            }
        }
        out.addAll(main.isEmpty() ? fallback : main);

        Map<String, Node> leftChildren = byLabel(left.children());
        Map<String, Node> rightChildren = byLabel(right.children());
        List<String> leftColumns = commonColumns(left.children(), rightChildren);
        List<String> rightColumns = commonColumns(right.children(), leftChildren);
        if (!leftColumns.equals(rightColumns)) {
            out.add(new Difference(object, path + left.orderLabel(), Nodes.list(leftColumns), Nodes.list(rightColumns),
                    left.orderKind()));
        }
        Set<String> labels = new LinkedHashSet<>(leftChildren.keySet());
        labels.addAll(rightChildren.keySet());
        for (String label : labels) {
            Node l = leftChildren.get(label);
            Node r = rightChildren.get(label);
            if (l == null) {
                out.add(new Difference(object, path + label, null, r.summary()));
            } else if (r == null) {
                out.add(new Difference(object, path + label, l.summary(), null));
            } else {
                compare(object, path + label + ": ", l, r, out);
            }
        }
    }

    /** The names of the ordered children (columns, attributes) that the other side has too, in this side's order. */
    private static List<String> commonColumns(List<Node> children, Map<String, Node> other) {
        return children.stream().filter(Node::ordered).filter(n -> other.containsKey(n.label())).map(Node::name).toList();
    }

    private static Map<String, Node> byLabel(List<Node> nodes) {
        Map<String, Node> map = new LinkedHashMap<>();
        nodes.forEach(n -> map.put(n.label(), n));
        return map;
    }

    /** Whether the snapshots are the same. */
    public boolean isEmpty() {
        return differences.isEmpty();
    }

    /** Every difference, by kind of object (schemas, extensions, types, sequences, tables, views, routines), then name. */
    public List<Difference> differences() {
        return differences;
    }

    /**
     * The differences of one kind, as a diff of their own: {@code of(COLUMN_ORDER)} holds only the column orders,
     * {@code of(DEFINITION)} everything else.
     */
    public SchemaDiff of(Difference.Kind kind) {
        return new SchemaDiff(differences.stream().filter(d -> d.kind() == kind).toList());
    }

    /**
     * One line per difference, e.g. {@code table accounts: column status: default 'active'::character varying -> (none)}
     * or {@code type account_tier: present after, absent before}; empty when there is none.
     *
     * @param leftLabel what the left side is called, e.g. {@code before} or {@code expected}
     * @param rightLabel what the right side is called, e.g. {@code after} or {@code actual}
     */
    public String describe(String leftLabel, String rightLabel) {
        return differences.stream().map(d -> d.text(leftLabel, rightLabel)).collect(Collectors.joining("\n"));
    }

    /** The names of the differing objects, in order, each once, e.g. {@code [type account_tier, table accounts]}. */
    public List<String> objects() {
        return differences.stream().map(Difference::object).distinct().toList();
    }

    @Override
    public String toString() {
        return isEmpty() ? "SchemaDiff[no differences]" : "SchemaDiff[\n" + describe("left", "right") + "\n]";
    }

    /**
     * An object or part reduced to what the diff compares.
     *
     * @param label e.g. {@code table accounts} or {@code column status}
     * @param name the bare name (for the column order)
     * @param summary what it is, shown when it is present on one side only
     * @param properties its comparable properties, in reporting order
     * @param fallback the properties reported only when no other property differs
     * @param ordered whether its position among its siblings matters (columns, attributes)
     * @param orderLabel what the order of its ordered children is called, e.g. {@code column order}
     * @param orderKind the kind of a difference in that order
     * @param children its parts
     */
    record Node(String label, String name, String summary, Map<String, String> properties, Set<String> fallback,
                boolean ordered, String orderLabel, Difference.Kind orderKind, List<Node> children) {
    }

    /** Turns snapshots into nodes, keyed so that the natural order of the keys is the reporting order. */
    static final class Nodes {

        private static final Set<String> DEFINITION = Set.of("definition");

        private Nodes() {
        }

        static Map<String, Node> of(SchemaSnapshot s, boolean qualify) {
            Map<String, Node> nodes = new LinkedHashMap<>();
            for (var x : s.schemas()) {
                add(nodes, 0, node("schema " + x.name(), x.name(), Difference.PRESENT)
                        .put("comment", x.comment()).put("privileges", list(x.privileges())).build());
            }
            for (var x : s.extensions()) {
                add(nodes, 1, node("extension " + x.name(), x.name(), Difference.PRESENT)
                        .put("version", x.version()).put("schema", x.schema()).build());
            }
            for (var x : s.enums()) {
                add(nodes, 2, node("type " + name(x.schema(), x.name(), qualify), x.name(), Difference.PRESENT)
                        .put("labels", list(x.labels())).put("comment", x.comment()).build());
            }
            for (var x : s.compositeTypes()) {
                Builder b = node("type " + name(x.schema(), x.name(), qualify), x.name(), Difference.PRESENT).put("comment", x.comment());
                b.orderLabel = "attribute order";
                for (var a : x.attributes()) {
                    b.children.add(node("attribute " + a.name(), a.name(), a.type()).ordered()
                            .put("type", a.type()).put("collation", a.collation()).build());
                }
                add(nodes, 2, b.build());
            }
            for (var x : s.domains()) {
                Builder b = node("domain " + name(x.schema(), x.name(), qualify), x.name(), Difference.PRESENT)
                        .put("base type", x.baseType()).put("nullability", x.notNull() ? "not null" : "nullable")
                        .put("default", x.defaultValue()).put("collation", x.collation()).put("comment", x.comment());
                for (var c : x.constraints()) {
                    b.children.add(node("constraint " + c.name(), c.name(), c.definition())
                            .put("definition", c.definition()).put("validated", valid(c.validated())).build());
                }
                add(nodes, 3, b.build());
            }
            for (var x : s.sequences()) {
                add(nodes, 4, node("sequence " + name(x.schema(), x.name(), qualify), x.name(), Difference.PRESENT)
                        .put("type", x.type()).put("start", String.valueOf(x.start()))
                        .put("increment", String.valueOf(x.increment())).put("min", String.valueOf(x.min()))
                        .put("max", String.valueOf(x.max())).put("cache", String.valueOf(x.cache()))
                        .put("cycle", x.cycle() ? "cycle" : "no cycle").put("owned by", x.ownedBy())
                        .put("comment", x.comment()).put("privileges", list(x.privileges())).build());
            }
            for (var x : s.tables()) {
                Builder b = node("table " + name(x.schema(), x.name(), qualify), x.name(), Difference.PRESENT)
                        .put("kind", x.kind()).put("persistence", x.unlogged() ? "unlogged" : "logged")
                        .put("partition key", x.partitionKey()).put("partition of", x.partitionOf())
                        .put("partition bound", x.partitionBound()).put("inherits", list(x.inherits()))
                        .put("options", list(x.options())).put("tablespace", x.tablespace())
                        .put("row security", x.rowSecurity() ? "enabled" : "disabled")
                        .put("force row security", x.forceRowSecurity() ? "forced" : "not forced")
                        .put("comment", x.comment()).put("privileges", list(x.privileges()));
                columns(b, x.columns());
                x.constraints().forEach(c -> b.children.add(constraint(c)));
                x.indexes().forEach(i -> b.children.add(index(i)));
                x.triggers().forEach(t -> b.children.add(trigger(t)));
                x.policies().forEach(p -> b.children.add(policy(p)));
                add(nodes, 5, b.build());
            }
            for (var x : s.views()) {
                String kind = x.materialized() ? "materialized view" : "view";
                Builder b = node(kind + " " + name(x.schema(), x.name(), qualify), x.name(), Difference.PRESENT)
                        .put("definition", x.definition()).put("options", list(x.options()))
                        .put("comment", x.comment()).put("privileges", list(x.privileges()));
                columns(b, x.columns());
                x.indexes().forEach(i -> b.children.add(index(i)));
                x.triggers().forEach(t -> b.children.add(trigger(t)));
                add(nodes, 6, b.build());
            }
            for (var x : s.routines()) {
                String label = x.kind() + " " + name(x.schema(), x.name(), qualify) + "(" + x.arguments() + ")";
                add(nodes, 7, node(label, x.name(), Difference.PRESENT)
                        .put("result", x.result()).put("language", x.language()).put("volatility", x.volatility())
                        .put("strict", x.strict() ? "strict" : "called on null input")
                        .put("security", x.securityDefiner() ? "definer" : "invoker").put("parallel", x.parallel())
                        .put("config", list(x.config())).put("body", x.body()).put("comment", x.comment())
                        .put("privileges", list(x.privileges())).build());
            }
            for (var x : s.eventTriggers()) {
                add(nodes, 8, node("event trigger " + x.name(), x.name(), Difference.PRESENT)
                        .put("event", x.event()).put("tags", list(x.tags())).put("function", x.function())
                        .put("enabled", x.enabled()).put("comment", x.comment()).build());
            }
            return nodes;
        }

        private static void columns(Builder b, List<Column> columns) {
            b.orderLabel = "column order";
            b.orderKind = Difference.Kind.COLUMN_ORDER;
            for (Column c : columns) {
                String summary = c.type() + (c.notNull() ? " not null" : "")
                        + (c.defaultValue() == null ? "" : " default " + c.defaultValue())
                        + (c.identity() == null ? "" : " generated " + c.identity() + " as identity")
                        + (c.generated() == null ? "" : " generated always as (" + c.generated() + ") stored");
                b.children.add(node("column " + c.name(), c.name(), summary).ordered()
                        .put("type", c.type()).put("nullability", c.notNull() ? "not null" : "nullable")
                        .put("default", c.defaultValue()).put("identity", c.identity()).put("generated", c.generated())
                        .put("collation", c.collation()).put("comment", c.comment())
                        .put("privileges", list(c.privileges())).build());
            }
        }

        private static Node constraint(Constraint c) {
            String deferrable = !c.deferrable() ? "not deferrable"
                    : c.initiallyDeferred() ? "deferrable initially deferred" : "deferrable initially immediate";
            return node("constraint " + c.name(), c.name(), c.definition()).fallback(DEFINITION)
                    .put("type", c.type()).put("columns", list(c.columns())).put("references", c.referencedTable())
                    .put("referenced columns", c.referencedTable() == null ? null : list(c.referencedColumns()))
                    .put("on delete", c.onDelete()).put("on update", c.onUpdate()).put("match", c.match())
                    .put("deferrable", deferrable).put("validated", valid(c.validated()))
                    .put("definition", c.definition()).put("comment", c.comment()).build();
        }

        private static Node index(Index i) {
            return node("index " + i.name(), i.name(), i.definition()).fallback(DEFINITION)
                    .put("method", i.method()).put("keys", list(i.keys())).put("include", list(i.include()))
                    .put("unique", i.unique() ? "unique" : "not unique").put("predicate", i.predicate())
                    .put("validity", i.valid() ? "valid" : "invalid").put("constraint", i.constraint())
                    .put("tablespace", i.tablespace()).put("definition", i.definition()).put("comment", i.comment())
                    .build();
        }

        private static Node trigger(Trigger t) {
            return node("trigger " + t.name(), t.name(), t.definition()).put("definition", t.definition())
                    .put("enabled", t.enabled()).put("comment", t.comment()).build();
        }

        private static Node policy(Policy p) {
            return node("policy " + p.name(), p.name(), p.command() + " to " + list(p.roles()))
                    .put("command", p.command()).put("permissive", p.permissive() ? "permissive" : "restrictive")
                    .put("roles", list(p.roles())).put("using", p.using()).put("with check", p.withCheck())
                    .put("comment", p.comment()).build();
        }

        private static String valid(boolean validated) {
            return validated ? "valid" : "not valid";
        }

        private static String name(String schema, String name, boolean qualify) {
            return qualify ? schema + "." + name : name;
        }

        static String list(List<String> values) {
            return values.isEmpty() ? Difference.NONE : "[" + String.join(", ", values) + "]";
        }

        private static void add(Map<String, Node> nodes, int rank, Node node) {
            nodes.put(rank + " " + node.label(), node);
        }

        private static Builder node(String label, String name, String summary) {
            return new Builder(label, name, summary);
        }

        private static final class Builder {
            private final String label;
            private final String name;
            private final String summary;
            private final Map<String, String> properties = new LinkedHashMap<>();
            private final List<Node> children = new ArrayList<>();
            private Set<String> fallback = Set.of();
            private boolean ordered;
            private String orderLabel = "order";
            private Difference.Kind orderKind = Difference.Kind.DEFINITION;

            Builder(String label, String name, String summary) {
                this.label = label;
                this.name = name;
                this.summary = Objects.requireNonNullElse(summary, Difference.PRESENT);
            }

            Builder put(String property, String value) {
                properties.put(property, value == null ? Difference.NONE : value);
                return this;
            }

            Builder fallback(Set<String> properties) {
                this.fallback = properties;
                return this;
            }

            Builder ordered() {
                this.ordered = true;
                return this;
            }

            Node build() {
                return new Node(label, name, summary, properties, fallback, ordered, orderLabel, orderKind, children);
            }
        }
    }
}
