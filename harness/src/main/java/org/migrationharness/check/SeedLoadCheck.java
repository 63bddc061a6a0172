package org.migrationharness.check;

import java.nio.file.Path;
import java.util.Set;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;

/**
 * {@code seed.load}: the seeds of every selected environment ({@link VerifyOptions#environments()}, else every
 * environment folder present) load on the fully migrated schema, each into its own clone of the migrated database.
 * The loading is {@link Stage#SEEDED}, whose clones {@code idempotency.seed} loads again.
 */
final class SeedLoadCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.SEED_LOAD;
    }

    @Override
    public Set<Stage> needs() {
        return Set.of(Stage.SEEDED);
    }

    @Override
    public String skipReason(CheckContext context) {
        return context.seeded().skipReason();
    }

    @Override
    public void run(CheckContext context) {
        Seeded seeded = context.seeded();
        Path folder = seeded.folder();
        if (seeded.folderMissing()) {
            context.report(new Finding(id(), Severity.ERROR, null, DisplayPath.of(folder), null,
                    "The seeds folder " + DisplayPath.of(folder) + " does not exist.\nExpected <environment>/ folders of "
                            + "seed files in it, e.g. " + DisplayPath.of(folder.resolve("development")) + "."));
            return;
        }
        if (seeded.environments().isEmpty()) {
            context.report(new Finding(id(), Severity.WARNING, null, DisplayPath.of(folder), null,
                    "The seeds folder " + DisplayPath.of(folder) + " has no environment folder (development/, staging/, "
                            + "production/ ...), so no seeds were loaded."));
            return;
        }
        for (Seeded.Environment environment : seeded.environments()) {
            String name = environment.name();
            if (environment.noSeeds()) {
                context.report(new Finding(id(), Severity.INFO, null, DisplayPath.of(folder), null,
                        "No seeds for environment " + name + " (neither " + name + "/ nor common/): nothing to load."));
            } else if (environment.failure() != null) {
                context.report(finding(id(), environment.failure(), "The " + name
                        + " seeds do not load on the migrated schema: "));
            }
        }
    }

    /** A seed that failed to load (a fixture or statement the server refused), as a finding at its file and line. */
    static Finding finding(CheckId check, HarnessException e, String prefix) {
        return Attempt.of(check, null, e, null, prefix + e.getMessage());
    }
}
