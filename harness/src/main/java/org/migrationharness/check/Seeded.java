package org.migrationharness.check;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.migrationharness.HarnessException;
import org.migrationharness.postgres.Database;

/**
 * The result of {@link Stage#SEEDED}: each selected environment's seeds loaded into its own copy of the migrated
 * database.
 *
 * @param skipReason why no seeds were loaded at all (no seeds folder, up.apply failed), or null
 * @param folder the seeds folder, or null when none is configured
 * @param folderMissing whether the configured folder does not exist
 * @param environments each selected environment, in order (none when the folder has no environment folder)
 */
public record Seeded(String skipReason, Path folder, boolean folderMissing, List<Environment> environments) {

    /**
     * One environment.
     *
     * @param database the copy its seeds loaded into, or null
     * @param failure why its seeds failed to load (the copy was dropped), or null
     */
    public record Environment(String name, Database database, HarnessException failure) {

        /** Whether the seeds folder has nothing for this environment (neither its folder nor common/). */
        public boolean noSeeds() {
            return database == null && failure == null;
        }
    }

    static Seeded notLoaded(String reason, Path folder) {
        return new Seeded(reason, folder, false, List.of());
    }

    /** The databases the seeds loaded into, by environment, in order. */
    public Map<String, Database> loaded() {
        Map<String, Database> loaded = new LinkedHashMap<>();
        environments.stream().filter(e -> e.database() != null).forEach(e -> loaded.put(e.name(), e.database()));
        return loaded;
    }
}
