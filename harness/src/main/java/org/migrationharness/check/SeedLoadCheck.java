package org.migrationharness.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.report.CheckId;
import org.migrationharness.report.Finding;
import org.migrationharness.report.Severity;
import org.migrationharness.seed.SeedFolder;
import org.migrationharness.seed.SeedLoader;

/**
 * {@code seed.load}: the seeds of every selected environment ({@link VerifyOptions#environments()}, else every
 * environment folder present) load on the fully migrated schema, each into its own clone of the migrated database.
 * The loaded clones stay in the context for {@code idempotency.seed}.
 */
final class SeedLoadCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.SEED_LOAD;
    }

    @Override
    public String skipReason(CheckContext context) {
        return skipReasonOf(context);
    }

    static String skipReasonOf(CheckContext context) {
        if (context.options().seeds() == null) {
            return "no seeds folder";
        }
        if (context.migrated() == null) {
            return CheckContext.UP_APPLY_FAILED;
        }
        return null;
    }

    @Override
    public void run(CheckContext context) {
        Path folder = context.options().seeds();
        if (!Files.isDirectory(folder)) {
            context.report(new Finding(id().id(), Severity.ERROR, null, DisplayPath.of(folder), null,
                    "The seeds folder " + DisplayPath.of(folder) + " does not exist.\nExpected <environment>/ folders of "
                            + "seed files in it, e.g. " + DisplayPath.of(folder.resolve("development")) + "."));
            return;
        }
        SeedFolder seeds = new SeedFolder(folder);
        List<String> environments = environments(context, seeds);
        if (environments.isEmpty()) {
            context.report(new Finding(id().id(), Severity.WARNING, null, DisplayPath.of(folder), null,
                    "The seeds folder " + DisplayPath.of(folder) + " has no environment folder (development/, staging/, "
                            + "production/ ...), so no seeds were loaded."));
            return;
        }
        for (String environment : environments) {
            if (!seeds.has(environment)) {
                context.report(new Finding(id().id(), Severity.INFO, null, DisplayPath.of(folder), null,
                        "No seeds for environment " + environment + " (neither " + environment + "/ nor common/): nothing to load."));
                continue;
            }
            Database database = context.cloneOf(context.migrated(), "seed_" + environment);
            try {
                SeedLoader.load(database, context.set(), folder, environment);
                context.seeded().put(environment, database);
            } catch (HarnessException e) {
                if (e.code() == ErrorCode.ENVIRONMENT) {
                    throw e;
                }
                context.report(finding(id(), e, "The " + environment + " seeds do not load on the migrated schema: "));
                context.drop(database);
            }
        }
    }

    static List<String> environments(CheckContext context, SeedFolder seeds) {
        return context.options().environments().isEmpty() ? seeds.environments() : context.options().environments();
    }

    static Finding finding(CheckId check, HarnessException e, String prefix) {
        return Failure.of(check, null, e, null, prefix + e.getMessage());
    }
}
