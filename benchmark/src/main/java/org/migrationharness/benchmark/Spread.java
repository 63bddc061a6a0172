package org.migrationharness.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median, minimum and maximum of some measurements (the median of an even count is the lower middle one, so it is
 * always a value that was measured).
 */
record Spread(long median, long min, long max) {

    static Spread of(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new Spread(sorted.get((sorted.size() - 1) / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /** The index in {@code values} of the measurement that is the median. */
    static int medianIndex(List<Long> values) {
        return values.indexOf(of(values).median());
    }
}
