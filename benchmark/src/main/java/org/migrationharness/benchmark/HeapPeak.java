package org.migrationharness.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The peak heap of a stretch of work: every heap pool's peak is reset at the start, and the pools' peaks are summed
 * at the end. The pools peak at different moments, so the sum is an upper bound of the heap in use at any one moment;
 * it counts garbage not yet collected too, so it depends on the heap size the JVM chose.
 */
final class HeapPeak {

    private final List<MemoryPoolMXBean> pools;

    private HeapPeak(List<MemoryPoolMXBean> pools) {
        this.pools = pools;
    }

    /** Collects garbage (so the previous work's leftovers do not count), then resets every heap pool's peak. */
    static HeapPeak start() {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        return new HeapPeak(heap);
    }

    /** The sum of the heap pools' peaks since {@link #start()}. */
    long peakBytes() {
        return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
