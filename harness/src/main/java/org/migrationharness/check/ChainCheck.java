package org.migrationharness.check;

import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.apply.Migrator;
import org.migrationharness.postgres.Database;
import org.migrationharness.schema.SchemaDiff;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationSet;

/**
 * {@code chain.down-up}: what a real rollback does. From the fully migrated schema, down one step at a time to the
 * first version (or to the newest migration that cannot be reversed), then up all again with the set's tool: every
 * step applies and the final schema equals the first full up. Unlike the step-by-step checks, errors accumulate here: a
 * down that leaves a trace can break a later down.
 *
 * <p>Every failure is reported in one run. After down(k) fails, the chain goes on from a new database migrated to the
 * version below k (as if down(k) had worked), so a second down broken in rollback order is found too; after up(k)
 * fails, from a new database migrated to k. Each failure names the down above it that caused it when the step walk
 * has the evidence ({@link ChainEvidence}), or says that the script fails on its own too. The final comparison then
 * covers the chain from the last such restart.
 */
final class ChainCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.CHAIN_DOWN_UP;
    }

    @Override
    public Set<Stage> needs() {
        return Set.of(Stage.MIGRATED, Stage.STEP_WALK);
    }

    @Override
    public String skipReason(CheckContext context) {
        if (context.set().forwardOnly()) {
            return MigrationSet.FORWARD_ONLY;
        }
        if (context.migrated().skipReason() != null) {
            return context.migrated().skipReason();
        }
        List<Migration> migrations = context.set().migrations();
        return !migrations.isEmpty() && migrations.get(migrations.size() - 1).reversible()
                ? null : "the newest migration cannot be reversed";
    }

    @Override
    public void run(CheckContext context) {
        new Walk(context, context.stepWalk()).run();
    }

    /** One walk down and up; it moves to a new database after each failing script. */
    private final class Walk {

        private final CheckContext context;
        private final StepwiseWalk.Result steps;
        private final List<Migration> migrations;
        private Database database;
        private Migrator migrator;
        /** The downs that ran on {@link #database}, with what each left different on its own step. */
        private final List<StepwiseWalk.Trace> ran = new ArrayList<>();
        /** The lowest migration whose down ran (or was passed over after failing), or null. */
        private Migration reached;
        /** Where the chain last went on from a new database, for the final comparison's message; or null. */
        private String restarted;

        Walk(CheckContext context, StepwiseWalk.Result steps) {
            this.context = context;
            this.steps = steps;
            this.migrations = context.set().migrations();
            this.database = context.cloneOf(context.migrated().database(), "chain");
            this.migrator = new Migrator(context.set(), database);
        }

        void run() {
            down();
            if (up()) {
                compare();
            }
        }

        private void down() {
            for (int i = migrations.size() - 1; i >= 0; i--) {
                context.stopIfInterrupted();
                Migration migration = migrations.get(i);
                String version = migration.version().text();
                if (!migration.reversible()) {
                    context.report(new Finding(id(), Severity.INFO, version, null, null, "The chain stops above "
                            + version + ": " + (migration.irreversible() ? "it is marked irreversible ("
                            + migration.irreversibleReason() + ")" : "it has no down script") + "."));
                    return;
                }
                Migration below = i == 0 ? null : migrations.get(i - 1);
                Optional<Finding> failed = Attempt.run(migrator::undoLast).finding(id(), version,
                        migration.down().file(), e -> "Walking down from the newest version, down(" + version
                                + ") failed: " + e.getMessage() + "\n" + downCause(migration, e) + "\n" + goesOn(below));
                if (failed.isEmpty()) {
                    steps.traces().stream().filter(t -> t.migration().equals(migration)).forEach(ran::add);
                } else {
                    context.report(failed.get());
                    if (!restart(below, "down(" + version + ") failed")) {
                        return;
                    }
                }
                reached = migration;
            }
        }

        /** Migrates up again; false when the chain cannot go on to the final comparison. */
        private boolean up() {
            for (int attempt = 0; attempt <= migrations.size(); attempt++) {
                context.stopIfInterrupted();
                Attempt<?> up = Attempt.run(migrator::migrateAll);
                if (!up.failed()) {
                    return true;
                }
                HarnessException e = up.failure();
                String message = "After walking down to " + below(reached) + ", migrating up again failed: "
                        + e.getMessage();
                Optional<Migration> failed = upOf(e);
                if (failed.isEmpty()) { // a repeatable: nothing to go on from
                    context.report(Attempt.of(id(), null, e, null, message));
                    return false;
                }
                Migration migration = failed.get();
                context.report(Attempt.of(id(), migration.version().text(), e, migration.up().file(),
                        message + "\n" + upCause(migration, e) + "\n" + goesOn(migration)));
                if (!restart(migration, migration.up().label() + " failed")) {
                    return false;
                }
            }
            return false;
        }

        private void compare() {
            String where = below(reached) + " and up again" + (restarted == null ? "" : " (" + restarted + ")");
            DiffFindings.of(id(), null, null, SchemaDiff.between(context.migratedSnapshot(), context.snapshot(database)),
                    context.set().config().compare(), new DiffFindings.Wording(what -> "After walking down to " + where
                            + ", the " + what + " differs from the first full up", "first up", "down and up again", null))
                    .forEach(context::report);
        }

        /**
         * Replaces the chain's database by a new one migrated up to {@code at} (empty when null); false, with a finding,
         * when that fails.
         */
        private boolean restart(Migration at, String because) {
            context.drop(database);
            database = context.newDatabase("chain");
            migrator = new Migrator(context.set(), database);
            ran.clear();
            if (at != null) {
                Optional<Finding> failed = Attempt.run(() -> migrator.versionedOnly().migrateTo(at.version().text()))
                        .finding(id(), at.version().text(), null, e -> "The chain cannot go on after " + because
                                + ": migrating a new database up to " + at.up().label() + " failed: " + e.getMessage());
                if (failed.isPresent()) {
                    context.report(failed.get());
                    return false;
                }
            }
            restarted = "going on from " + (at == null ? "an empty database" : "a new database at " + at.up().label())
                    + " after " + because;
            return true;
        }

        /** Why down(k) failed here: it fails on its own too, or a down above it left what it trips on. */
        private String downCause(Migration migration, HarnessException e) {
            String version = migration.version().text();
            if (steps.failed(CheckId.DOWN_APPLY, version)) {
                return migration.down().label() + " fails on its own too (" + CheckId.DOWN_APPLY.id() + " [" + version
                        + "]).";
            }
            return brokenBy(e).orElse(migration.down().label() + " runs on its own: it fails only in rollback order,"
                    + " after the scripts above it ran; no " + CheckId.DOWN_LEAVES_TRACE.id()
                    + " finding names an object of this error.");
        }

        /** Why up(k) failed here: a down that ran before it left what it collides with, or it does so on its own. */
        private String upCause(Migration migration, HarnessException e) {
            String version = migration.version().text();
            return brokenBy(e).orElse(steps.failed(CheckId.UP_REAPPLY_DIFFERS, version)
                    ? migration.up().label() + " fails when applied again after its own down too ("
                    + CheckId.UP_REAPPLY_DIFFERS.id() + " [" + version + "])."
                    : migration.up().label() + " applies again after its own down: it fails only after the whole chain"
                    + " down; no " + CheckId.DOWN_LEAVES_TRACE.id() + " finding names an object of this error.");
        }

        private Optional<String> brokenBy(HarnessException e) {
            List<ChainEvidence.Link> links = ChainEvidence.links(e, ran);
            if (links.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("Broken by " + links.stream().map(ChainEvidence.Link::describe)
                    .collect(Collectors.joining(", and by ")) + " (" + CheckId.DOWN_LEAVES_TRACE.id() + " "
                    + links.stream().map(l -> "[" + l.migration().version().text() + "]").collect(Collectors.joining(" "))
                    + "): fix " + (links.size() == 1 ? "that down" : "those downs") + " first.");
        }

        private String goesOn(Migration at) {
            return "The chain goes on from " + (at == null ? "an empty database." : "a new database migrated up to "
                    + at.up().label() + ".");
        }

        /** The migration whose up script the failure names. */
        private Optional<Migration> upOf(HarnessException e) {
            return e.file().flatMap(file -> migrations.stream().filter(m -> file.equals(m.up().file())).findFirst());
        }

        private String below(Migration migration) {
            return migration == null ? "(nothing reverted)" : "before " + migration.up().label();
        }
    }
}
