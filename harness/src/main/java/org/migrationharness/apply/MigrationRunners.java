package org.migrationharness.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/** The runners on the class path ({@link ServiceLoader}), by format id. */
final class MigrationRunners {

    private static final Map<String, MigrationRunner> RUNNERS = load();

    private MigrationRunners() {
    }

    private static Map<String, MigrationRunner> load() {
        Map<String, MigrationRunner> runners = new LinkedHashMap<>();
        for (MigrationRunner runner : ServiceLoader.load(MigrationRunner.class, MigrationRunners.class.getClassLoader())) {
            runners.putIfAbsent(runner.format(), runner);
        }
        return Map.copyOf(runners);
    }

    static MigrationRunner of(String format) {
        MigrationRunner runner = RUNNERS.get(format);
        if (runner == null) {
            throw new HarnessException(ErrorCode.USAGE, "No runner applies the migration format '" + format + "': its"
                    + " org.migrationharness.apply.MigrationRunner is not on the class path (META-INF/services).");
        }
        return runner;
    }
}
