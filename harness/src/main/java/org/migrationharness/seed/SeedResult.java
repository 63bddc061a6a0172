package org.migrationharness.seed;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SeedLoader#load} did.
 *
 * @param environment the environment loaded
 * @param files the files loaded, in the order they ran
 * @param perTable the counts per table, in the order the tables were first loaded
 * @param dryRun whether the transaction was rolled back (the counts say what would have happened)
 */
public record SeedResult(String environment, List<Path> files, List<TableCount> perTable, boolean dryRun) {

    public SeedResult {
        files = List.copyOf(files);
        perTable = List.copyOf(perTable);
    }

    public long inserted() {
        return perTable.stream().mapToLong(TableCount::inserted).sum();
    }

    public long updated() {
        return perTable.stream().mapToLong(TableCount::updated).sum();
    }

    public long unchanged() {
        return perTable.stream().mapToLong(TableCount::unchanged).sum();
    }

    /** The count of one table, or zeros when the load did not touch it. */
    public TableCount count(String table) {
        return perTable.stream().filter(c -> c.table().equals(table)).findFirst()
                .orElse(new TableCount(table, 0, 0, 0));
    }
}
