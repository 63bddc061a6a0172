package org.migrationharness.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.migrationharness.HarnessException;
import org.migrationharness.apply.Migrator;
import org.migrationharness.postgres.Database;
import org.migrationharness.report.SchemaChange;
import org.migrationharness.schema.Difference;
import org.migrationharness.schema.SchemaDiff;
import org.migrationharness.schema.SchemaSnapshot;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.RepeatableMigration;

/**
 * The schema change a pull request makes to a service: the base's migrations applied to a new database, its schema
 * compared with the schema after this change's migrations ({@link ServiceRun#migratedSnapshot()}), in words, and a
 * Mermaid ER diagram of the tables it adds or changes.
 */
final class SchemaChanges {

    private SchemaChanges() {
    }

    /** The change since the base, or null when there is no base to compare with or up.apply did not pass. */
    static SchemaChange of(ServiceRun context) {
        HistoryBase base = context.options().base();
        if (base == null || base.set() == null || context.migratedIfPassed() == null) {
            return null;
        }
        SchemaSnapshot after = context.migratedSnapshot();
        SchemaSnapshot before;
        if (sameScripts(base.set(), context.set())) {
            before = after; // no script changed: nothing to migrate
        } else {
            Database database = context.newDatabase("base");
            try {
                new Migrator(base.set(), database).migrateAll();
                before = context.snapshot(database);
            } catch (HarnessException e) {
                return SchemaChange.unavailable("the base's migrations fail on a new database, so there is nothing to"
                        + " compare with: " + e.getMessage().lines().findFirst().orElse(""));
            } finally {
                context.drop(database);
            }
        }
        return describe(SchemaDiff.between(before, after), after);
    }

    /** Whether both sets hold the same migrations with the same texts (then the schema cannot differ). */
    private static boolean sameScripts(MigrationSet base, MigrationSet current) {
        if (base.migrations().size() != current.migrations().size()
                || base.repeatables().size() != current.repeatables().size()) {
            return false;
        }
        for (int i = 0; i < base.migrations().size(); i++) {
            Migration a = base.migrations().get(i);
            Migration b = current.migrations().get(i);
            if (!a.version().text().equals(b.version().text()) || !LineDiff.sameText(a.up().text(), b.up().text())) {
                return false;
            }
        }
        for (int i = 0; i < base.repeatables().size(); i++) {
            RepeatableMigration a = base.repeatables().get(i);
            RepeatableMigration b = current.repeatables().get(i);
            if (!LineDiff.sameText(a.script().text(), b.script().text())) {
                return false;
            }
        }
        return true;
    }

    /** The differences, by object, in words; and the diagram of the tables added or changed. */
    static SchemaChange describe(SchemaDiff diff, SchemaSnapshot after) {
        Map<String, SchemaChange.Kind> kinds = new LinkedHashMap<>();
        Map<String, List<String>> details = new LinkedHashMap<>();
        for (Difference d : diff.differences()) {
            List<String> parts = details.computeIfAbsent(d.object(), o -> new ArrayList<>());
            if (d.property() == null) {
                kinds.put(d.object(), d.left() == null ? SchemaChange.Kind.ADDED : SchemaChange.Kind.REMOVED);
                String what = d.left() == null ? d.right() : d.left();
                if (!Difference.PRESENT.equals(what)) {
                    parts.add(what.strip().replaceAll("\\s+", " "));
                }
                continue;
            }
            kinds.putIfAbsent(d.object(), SchemaChange.Kind.CHANGED);
            if (d.left() == null) {
                parts.add("added " + d.property() + summary(d.right()));
            } else if (d.right() == null) {
                parts.add("removed " + d.property() + summary(d.left()));
            } else {
                String text = d.text("base", "now");
                parts.add(text.substring(d.object().length() + 2));
            }
        }
        List<SchemaChange.Change> changes = new ArrayList<>();
        kinds.forEach((object, kind) -> changes.add(new SchemaChange.Change(object, kind, details.get(object))));
        Set<String> touched = new LinkedHashSet<>();
        kinds.forEach((object, kind) -> {
            if (kind != SchemaChange.Kind.REMOVED && object.startsWith("table ")) {
                touched.add(object.substring("table ".length()));
            }
        });
        return new SchemaChange(changes, diagram(after, touched), null);
    }

    private static String summary(String value) {
        return value == null || value.equals(Difference.PRESENT) ? "" : " (" + value.strip().replaceAll("\\s+", " ") + ")";
    }

    /**
     * A Mermaid {@code erDiagram}: each touched table with its columns (PK, FK, UK marked), the tables their foreign
     * keys reference or that reference them as bare entities, and one relationship per foreign key among them.
     *
     * @param touched the tables as the diff names them: {@code name}, or {@code schema.name} when several schemas hold
     *        objects
     */
    static String diagram(SchemaSnapshot after, Set<String> touched) {
        List<SchemaSnapshot.Table> tables = after.tables().stream()
                .filter(t -> touched.contains(t.name()) || touched.contains(t.schema() + "." + t.name())).toList();
        if (tables.isEmpty()) {
            return null;
        }
        Map<String, Long> byName = new HashMap<>();
        after.tables().forEach(t -> byName.merge(t.name(), 1L, Long::sum));
        StringBuilder out = new StringBuilder("erDiagram\n");
        Set<String> drawn = new LinkedHashSet<>();
        List<String> relations = new ArrayList<>();
        for (SchemaSnapshot.Table table : tables) {
            String entity = entity(table.schema(), table.name(), byName);
            drawn.add(entity);
            out.append("    ").append(entity).append(" {\n");
            Set<String> pk = new LinkedHashSet<>(table.primaryKey().map(SchemaSnapshot.Constraint::columns).orElse(List.of()));
            Set<String> fk = new LinkedHashSet<>();
            Set<String> uk = new LinkedHashSet<>();
            for (SchemaSnapshot.Constraint c : table.constraints()) {
                if (c.type().equals(SchemaSnapshot.Constraint.FOREIGN_KEY)) {
                    fk.addAll(c.columns());
                } else if (c.type().equals(SchemaSnapshot.Constraint.UNIQUE) && c.columns().size() == 1) {
                    uk.addAll(c.columns());
                }
            }
            for (SchemaSnapshot.Column column : table.columns()) {
                List<String> keys = new ArrayList<>();
                if (pk.contains(column.name())) {
                    keys.add("PK");
                }
                if (fk.contains(column.name())) {
                    keys.add("FK");
                }
                if (uk.contains(column.name())) {
                    keys.add("UK");
                }
                out.append("        ").append(word(column.type())).append(' ').append(word(column.name()))
                        .append(keys.isEmpty() ? "" : " " + String.join(", ", keys)).append('\n');
            }
            out.append("    }\n");
        }
        for (SchemaSnapshot.Table table : after.tables()) {
            for (SchemaSnapshot.Constraint c : table.constraints()) {
                if (!c.type().equals(SchemaSnapshot.Constraint.FOREIGN_KEY) || c.referencedTable() == null) {
                    continue;
                }
                String child = entity(table.schema(), table.name(), byName);
                int dot = c.referencedTable().indexOf('.');
                String parent = entity(c.referencedTable().substring(0, Math.max(dot, 0)),
                        c.referencedTable().substring(dot + 1), byName);
                if (!drawn.contains(child) && !drawn.contains(parent)) {
                    continue; // neither side touched
                }
                boolean required = c.columns().stream().allMatch(name -> table.column(name)
                        .map(SchemaSnapshot.Column::notNull).orElse(false));
                boolean single = table.constraints().stream().anyMatch(u -> !u.type().equals(SchemaSnapshot.Constraint.FOREIGN_KEY)
                        && (u.type().equals(SchemaSnapshot.Constraint.UNIQUE) || u.type().equals(SchemaSnapshot.Constraint.PRIMARY_KEY))
                        && Objects.equals(new LinkedHashSet<>(u.columns()), new LinkedHashSet<>(c.columns())));
                relations.add("    " + parent + " " + (required ? "||" : "|o") + "--" + (single ? "o|" : "o{") + " "
                        + child + " : \"" + c.name().replace("\"", "'") + "\"\n");
            }
        }
        relations.forEach(out::append);
        return out.toString();
    }

    /** An entity's name: the table's, with its schema when another schema has a table of that name. */
    private static String entity(String schema, String name, Map<String, Long> byName) {
        return word(byName.getOrDefault(name, 0L) > 1 && !schema.isEmpty() ? schema + "_" + name : name);
    }

    /** A Mermaid ER word: letters, digits, {@code _ - ( ) [ ]}; anything else becomes {@code _}. */
    static String word(String text) {
        String word = text.replaceAll("[^A-Za-z0-9_()\\[\\]-]", "_");
        return word.isEmpty() || !Character.isLetter(word.charAt(0)) && word.charAt(0) != '_' ? "_" + word : word;
    }
}
