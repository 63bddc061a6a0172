package org.migrationharness.seed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/**
 * The order in which row fixtures load: a fixture loads after every fixture of a table it refers to, and after the
 * fixtures of its own table named before it; otherwise in name order. Pure: it needs no database.
 *
 * <p>A reference to the fixture's own table (a category tree) does not order fixtures: the rows of one fixture that
 * refer to each other are ordered as they load, parents first. A reference to a table no fixture of the group loads
 * (a table loaded before an SQL barrier, or already filled) does not order them either.
 */
final class LoadOrder {

    /**
     * One row fixture, as the order sees it.
     *
     * @param table the qualified table it loads
     * @param dependsOn the qualified tables its rows refer to (its own may be among them)
     * @param file its file, named when it is part of a cycle
     */
    record Node(String table, Set<String> dependsOn, Path file) {

        Node {
            dependsOn = Set.copyOf(dependsOn);
        }

        /** The tables it refers to except its own. */
        Set<String> otherTables() {
            Set<String> others = new LinkedHashSet<>(dependsOn);
            others.remove(table);
            return others;
        }
    }

    private LoadOrder() {
    }

    /**
     * The positions of {@code nodes} (given in name order) in load order.
     *
     * @throws HarnessException ({@link ErrorCode#INPUT}) when fixtures refer to each other in a cycle, naming the
     *         tables and files and the fix
     */
    static List<Integer> of(List<Node> nodes) {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            remaining.add(i);
        }
        List<Integer> sorted = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Integer next = null;
            for (Integer candidate : remaining) {
                if (ready(nodes, candidate, remaining)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                throw cycle(nodes, remaining);
            }
            sorted.add(next);
            remaining.remove(next);
        }
        return sorted;
    }

    /** The nodes in load order. */
    static List<Node> sort(List<Node> nodes) {
        return of(nodes).stream().map(nodes::get).toList();
    }

    /** Whether no other remaining fixture must load first: one of a table it refers to, or of its table named before. */
    private static boolean ready(List<Node> nodes, int candidate, List<Integer> remaining) {
        Node node = nodes.get(candidate);
        Set<String> others = node.otherTables();
        for (int other : remaining) {
            if (other == candidate) {
                continue;
            }
            String table = nodes.get(other).table();
            if (others.contains(table) || table.equals(node.table()) && other < candidate) {
                return false;
            }
        }
        return true;
    }

    private static HarnessException cycle(List<Node> nodes, List<Integer> remaining) {
        Map<String, Node> byTable = new LinkedHashMap<>();
        remaining.forEach(i -> byTable.putIfAbsent(nodes.get(i).table(), nodes.get(i)));
        List<String> path = new ArrayList<>();
        String current = nodes.get(remaining.get(0)).table();
        while (!path.contains(current)) {
            path.add(current);
            // the first fixture of a table waits only for another table's fixture, so there is always one to follow
            current = byTable.get(current).otherTables().stream().filter(byTable::containsKey).findFirst().orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        loop.add(current);
        String shown = loop.stream().map(t -> t + " (" + byTable.get(t).file().getFileName() + ")")
                .collect(Collectors.joining(" -> "));
        Node first = byTable.get(loop.get(0));
        return new HarnessException(ErrorCode.INPUT, "The row fixtures refer to each other in a cycle, so no order "
                + "can load them: " + shown + ".\nBreak the cycle: leave one of these references out of its row fixture "
                + "and set it in an SQL seed file named after the fixtures (UPDATE ... SET x_id = (SELECT id FROM ... "
                + "WHERE slug = '...')).", first.file(), 0, null);
    }
}
