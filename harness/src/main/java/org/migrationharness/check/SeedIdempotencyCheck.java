package org.migrationharness.check;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.seed.DataSnapshot;
import org.migrationharness.seed.SeedLoader;

/**
 * {@code idempotency.seed}: loading an environment's seeds a second time, into the database {@code seed.load} seeded,
 * fails nothing and changes no table's contents. Compares the data of every table in the service's schemas, row by
 * row, so a plain {@code INSERT} that duplicates rows in a table without a unique key is caught.
 */
final class SeedIdempotencyCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.IDEMPOTENCY_SEED;
    }

    @Override
    public Set<Stage> needs() {
        return Set.of(Stage.SEEDED);
    }

    @Override
    public String skipReason(CheckContext context) {
        Seeded seeded = context.seeded();
        if (seeded.skipReason() != null) {
            return seeded.skipReason();
        }
        return seeded.loaded().isEmpty() ? "no environment's seeds loaded" : null;
    }

    @Override
    public void run(CheckContext context) {
        List<String> schemas = context.set().config().schemas().isEmpty()
                ? List.of(context.set().config().defaultSchema()) : context.set().config().schemas();
        for (Map.Entry<String, Database> entry : context.seeded().loaded().entrySet()) {
            String environment = entry.getKey();
            Database database = entry.getValue();
            DataSnapshot before = DataSnapshot.of(database, schemas);
            try {
                SeedLoader.load(database, context.set(), context.options().seeds(), environment);
            } catch (HarnessException e) {
                if (e.code() == ErrorCode.ENVIRONMENT) {
                    throw e;
                }
                context.report(SeedLoadCheck.finding(id(), e, "Loading the " + environment
                        + " seeds a second time failed: "));
                continue;
            }
            List<DataSnapshot.TableChange> changes = before.changesTo(DataSnapshot.of(database, schemas));
            if (!changes.isEmpty()) {
                context.report(new Finding(id(), Severity.ERROR, null,
                        DisplayPath.of(context.options().seeds().resolve(environment)), null,
                        "Loading the " + environment + " seeds a second time changed " + changes.size()
                                + (changes.size() == 1 ? " table" : " tables") + ":\n"
                                + changes.stream().map(c -> "  " + c.describe()).collect(Collectors.joining("\n"))
                                + "\nSeeds must be idempotent: use a row fixture with a natural key (key: [...]), or in SQL "
                                + "INSERT ... ON CONFLICT DO NOTHING against a unique key (WHERE NOT EXISTS (...) for a "
                                + "table without one)."));
            }
        }
    }
}
