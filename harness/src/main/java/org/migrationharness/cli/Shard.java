package org.migrationharness.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/**
 * {@code --shard i/n}: the i-th of n parallel CI jobs verifies its part of the selection. Every job computes the same
 * split from the same checkout: the entries are dealt by weight (migrations), heaviest first, each to the job with the
 * least weight so far (ties: the lower job, then the name), so the jobs take about the same time; within a job the
 * selection's order is kept.
 *
 * @param index the job, from 1
 * @param count how many jobs
 */
record Shard(int index, int count) {

    /** Parses {@code i/n} (1 &lt;= i &lt;= n). */
    static Shard parse(String value) {
        String text = value == null ? "" : value.strip();
        int slash = text.indexOf('/');
        int index = -1;
        int count = -1;
        if (slash > 0) {
            try {
                index = Integer.parseInt(text.substring(0, slash).strip());
                count = Integer.parseInt(text.substring(slash + 1).strip());
            } catch (NumberFormatException e) {
                index = -1;
            }
        }
        if (count < 1 || index < 1 || index > count) {
            throw new HarnessException(ErrorCode.USAGE, "--shard takes i/n, this job's number from 1 to n and the number"
                    + " of jobs, e.g. --shard 2/4; not '" + value + "'.\nSee: java -jar migration-harness.jar verify --help");
        }
        return new Shard(index, count);
    }

    /** This job's part of {@code entries}, in their order. */
    <T> List<T> of(List<T> entries, Function<T, String> name, ToIntFunction<T> weight) {
        List<Integer> order = IntStream.range(0, entries.size()).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> -Math.max(1, weight.applyAsInt(entries.get(i))))
                        .thenComparing(i -> name.apply(entries.get(i))))
                .toList();
        long[] load = new long[count];
        int[] job = new int[entries.size()];
        for (int i : order) {
            int lightest = 0;
            for (int j = 1; j < count; j++) {
                if (load[j] < load[lightest]) {
                    lightest = j;
                }
            }
            job[i] = lightest;
            load[lightest] += Math.max(1, weight.applyAsInt(entries.get(i)));
        }
        List<T> mine = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (job[i] == index - 1) {
                mine.add(entries.get(i));
            }
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
