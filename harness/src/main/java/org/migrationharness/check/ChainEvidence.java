package org.migrationharness.check;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.migrationharness.HarnessException;
import org.migrationharness.schema.Difference;
import org.migrationharness.source.Migration;

/**
 * Which earlier down broke a script that fails in the rollback chain but not on its own. A down is named only on
 * evidence: an object the server's error names (a relation, column, constraint, type ...) is one that down's own step
 * left different from the schema before its up ({@link StepwiseWalk.Trace}, its {@code down.leaves-trace} finding).
 * A table named in the error does not link a down that only left a column or an index of that table: the column or
 * index itself must be named.
 */
final class ChainEvidence {

    /** A kind of object, then its name, as PostgreSQL's messages write them: {@code table order_lines}. */
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:table|view|column|constraint|type|index|sequence"
            + "|function|procedure|relation|schema|trigger|domain|policy|rule|extension|collation|statistics)\\s+"
            + "(\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*(?:\\.[\\p{L}_][\\p{L}\\p{N}_$]*)*)");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")+)\"");

    private ChainEvidence() {
    }

    /**
     * A down that left behind (or removed, or changed) what a failing statement tripped on.
     *
     * @param migration the migration whose down did it
     * @param differences the differences of its step that the error names
     */
    record Link(Migration migration, List<Difference> differences) {

        /** E.g. {@code U5, which leaves table order_lines behind}. */
        String describe() {
            List<String> left = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (Difference d : differences) {
                String what = d.property() == null ? d.object() : part(d.property()) + " of " + d.object();
                (d.left() == null ? left : d.right() == null ? removed : changed).add(what);
            }
            List<String> clauses = new ArrayList<>();
            if (!left.isEmpty()) {
                clauses.add("leaves " + String.join(", ", distinct(left)) + " behind");
            }
            if (!removed.isEmpty()) {
                clauses.add("drops " + String.join(", ", distinct(removed)) + ", which existed before "
                        + migration.up().label());
            }
            if (!changed.isEmpty()) {
                clauses.add("leaves " + String.join(", ", distinct(changed)) + " changed");
            }
            return migration.down().label() + ", which " + String.join(" and ", clauses);
        }
    }

    /**
     * The downs among {@code ran} (those that ran in the chain before the failure, on the same database) whose step left
     * different an object that the failure's server message names, in the order given.
     */
    static List<Link> links(HarnessException failure, List<StepwiseWalk.Trace> ran) {
        Set<String> named = namesIn(serverMessage(failure));
        List<Link> links = new ArrayList<>();
        for (StepwiseWalk.Trace trace : ran) {
            List<Difference> matched = trace.difference().differences().stream()
                    .filter(d -> evidenceName(d).map(named::contains).orElse(false)).toList();
            if (!matched.isEmpty()) {
                links.add(new Link(trace.migration(), matched));
            }
        }
        return links;
    }

    /** The server's own words (without its hint, which names no object of the schema), else the whole message. */
    private static String serverMessage(HarnessException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getMessage() != null) {
                return sql.getMessage().lines().filter(l -> !l.strip().startsWith("Hint:"))
                        .collect(Collectors.joining("\n"));
            }
        }
        return failure.getMessage();
    }

    /** The names of objects a message names: quoted identifiers, and the word after a kind of object. */
    static Set<String> namesIn(String message) {
        Set<String> names = new LinkedHashSet<>();
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            addParts(names, quoted.group(1).replace("\"\"", "\""));
        }
        Matcher named = NAMED.matcher(message);
        while (named.find()) {
            String name = named.group(1);
            if (name.startsWith("\"")) {
                addParts(names, name.substring(1, name.length() - 1).replace("\"\"", "\""));
            } else {
                addParts(names, name);
            }
        }
        return names;
    }

    private static void addParts(Set<String> names, String qualified) {
        names.add(qualified);
        for (String part : qualified.split("\\.")) {
            if (!part.isEmpty()) {
                names.add(part);
            }
        }
    }

    /**
     * The name a difference is about: the object's, when the whole object is on one side only; the part's, when a named
     * part of it differs (a column, constraint, index, trigger, policy). A property of the object itself (its comment,
     * owner or column order) names nothing that a statement could trip on.
     */
    private static Optional<String> evidenceName(Difference d) {
        if (d.property() == null) {
            return Optional.of(lastName(d.object()));
        }
        String part = part(d.property());
        int space = part.lastIndexOf(' ');
        if (space < 0 || part.endsWith(" order")) {
            return Optional.empty(); // a property of the object itself, or the order of its columns
        }
        return Optional.of(lastName(part));
    }

    /** The part a property belongs to: {@code column status} of {@code column status: default}. */
    private static String part(String property) {
        int colon = property.indexOf(": ");
        return colon < 0 ? property : property.substring(0, colon);
    }

    /** {@code order_lines} of {@code table public.order_lines}; {@code f} of {@code function public.f(integer)}. */
    private static String lastName(String label) {
        int paren = label.indexOf('(');
        String plain = paren < 0 ? label : label.substring(0, paren);
        String last = plain.substring(plain.lastIndexOf(' ') + 1);
        return last.substring(last.lastIndexOf('.') + 1);
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
