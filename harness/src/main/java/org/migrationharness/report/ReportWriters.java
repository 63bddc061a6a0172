package org.migrationharness.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The report formats on the class path ({@link ServiceLoader}), by id; the first of an id wins. */
final class ReportWriters {

    static final Map<String, ReportWriter> ALL = load();

    private ReportWriters() {
    }

    private static Map<String, ReportWriter> load() {
        Map<String, ReportWriter> writers = new LinkedHashMap<>();
        for (ReportWriter writer : ServiceLoader.load(ReportWriter.class, ReportWriters.class.getClassLoader())) {
            writers.putIfAbsent(writer.format(), writer);
        }
        return Map.copyOf(writers);
    }
}
