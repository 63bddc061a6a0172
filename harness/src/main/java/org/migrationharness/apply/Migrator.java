package org.migrationharness.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.postgres.Database;
import org.migrationharness.source.FlywayFormat;
import org.migrationharness.source.IrreversibleMarker;
import org.migrationharness.source.Migration;
import org.migrationharness.source.MigrationFormats;
import org.migrationharness.source.MigrationSet;
import org.migrationharness.source.MigrationVersion;
import org.migrationharness.source.Script;
import org.migrationharness.source.Timeouts;

/**
 * Moves one database up and down a migration set, with the semantics of the set's format: the format's
 * {@link MigrationRunner} executes each script and keeps the tool's bookkeeping table exactly as the tool does
 * (Flyway: {@link FlywayRunner}).
 *
 * <p>A failure throws {@link HarnessException} with {@link ErrorCode#MIGRATION_FAILED}, naming the file, the 1-based
 * line of the failing statement and the server's message.
 */
public final class Migrator {

    /** The history table Flyway keeps, unless {@code flyway: {table: ...}} says otherwise. */
    public static final String DEFAULT_HISTORY_TABLE = FlywayFormat.DEFAULT_HISTORY_TABLE;

    private final MigrationSet set;
    private final Database database;
    private final boolean extras;
    private final MigrationRunner.OnDatabase runner;

    public Migrator(MigrationSet set, Database database) {
        this(set, database, true);
    }

    private Migrator(MigrationSet set, Database database, boolean extras) {
        this.set = set;
        this.database = database;
        this.extras = extras;
        this.runner = MigrationRunners.of(set.format()).on(set, database);
    }

    /**
     * A migrator for the same database that never applies repeatable migrations, even at the latest version: for
     * walking the versioned migrations alone, step by step.
     */
    public Migrator versionedOnly() {
        return new Migrator(set, database, false);
    }

    public MigrationSet set() {
        return set;
    }

    public Database database() {
        return database;
    }

    /** Applies every pending migration, then the repeatables that changed. */
    public ApplyResult migrateAll() {
        return migrate(null);
    }

    /**
     * Applies pending migrations up to and including {@code version}. Repeatable migrations are applied only when
     * {@code version} is the latest: they describe the objects of the newest schema (views over its columns) and
     * would fail, or mean something else, on an older one.
     */
    public ApplyResult migrateTo(String version) {
        requireKnown(version);
        return migrate(version);
    }

    /**
     * Applies {@code migration}, which must be the next pending one, without the repeatables: for a walk one version
     * at a time, as fast as the format allows (the same statements and bookkeeping as {@link #migrateTo}).
     */
    public void stepTo(Migration migration) {
        if (!extras) {
            runner.step(migration);
            return;
        }
        migrateTo(migration.version().text());
    }

    /**
     * Reverts applied migrations, newest first, until the database is at {@code version} ({@code "0"}: reverts all).
     */
    public ApplyResult undoTo(String version) {
        MigrationVersion target = MigrationVersion.of(version);
        if (target.parts().stream().anyMatch(p -> p.signum() != 0)) {
            requireKnown(version);
        }
        String before = currentVersion().orElse(null);
        List<String> reverted = new ArrayList<>();
        for (Migration migration : appliedMigrationsNewestFirst()) {
            if (migration.version().compareTo(target) <= 0) {
                break;
            }
            undo(migration);
            reverted.add(migration.version().text());
        }
        return new ApplyResult(before, currentVersion().orElse(null), reverted);
    }

    /** Reverts the newest applied migration. */
    public ApplyResult undoLast() {
        List<String> versions = appliedVersions();
        List<Migration> applied = newestFirst(versions);
        if (applied.isEmpty()) {
            throw new HarnessException(ErrorCode.USAGE, "Nothing to undo: no migration of " + set.name()
                    + " is applied to database " + database.name() + ".");
        }
        // the versions before and after from the one reading of the bookkeeping (each reading is a connection)
        undo(applied.get(0));
        String before = versions.get(versions.size() - 1);
        String after = versions.stream()
                .filter(v -> !(MigrationVersion.isValid(v) && MigrationVersion.of(v).sameAs(applied.get(0).version())))
                .reduce((first, second) -> second).orElse(null);
        return new ApplyResult(before, after, List.of(applied.get(0).version().text()));
    }

    /** The newest successfully applied version, if any. */
    public Optional<String> currentVersion() {
        List<String> versions = appliedVersions();
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The applied versions in the order they were installed, as the tool recorded them. */
    public List<String> appliedVersions() {
        return runner.appliedVersions();
    }

    /** The statement and lock timeouts every script runs with: the set's (the run's laid over harness.yaml), else the defaults. */
    public Timeouts timeouts() {
        return set.config().timeouts().effective();
    }

    /** The schema-qualified, quoted name of the tool's bookkeeping table (Flyway's history table). */
    public String historyTable() {
        return runner.bookkeeping();
    }

    /** The tables the set's tool keeps its bookkeeping in: left out of snapshots. */
    public Set<String> bookkeepingTables() {
        return MigrationFormats.of(set).bookkeepingTables(set.config());
    }

    /**
     * A script of the set as the server receives it: in the set's encoding (UTF-8 by default), with the format's
     * placeholders (Flyway's {@code ${name}}) replaced.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} when a placeholder has no value
     */
    public String scriptText(Script script) {
        return runner.text(script);
    }

    private ApplyResult migrate(String target) {
        String before = currentVersion().orElse(null);
        boolean latest = target == null
                || set.latestVersion().map(v -> v.sameAs(MigrationVersion.of(target))).orElse(true);
        List<String> applied = runner.migrate(target, latest && extras);
        return new ApplyResult(before, currentVersion().orElse(null), applied);
    }

    private void requireKnown(String version) {
        if (!MigrationVersion.isValid(version) || set.migration(version).isEmpty()) {
            throw new HarnessException(ErrorCode.USAGE, "No migration with version '" + version + "' in " + set.name()
                    + ".\nKnown versions: " + set.migrations().stream().map(m -> m.version().text()).toList() + ".");
        }
    }

    private List<Migration> appliedMigrationsNewestFirst() {
        return newestFirst(appliedVersions());
    }

    private List<Migration> newestFirst(List<String> versions) {
        List<Migration> applied = new ArrayList<>();
        for (String version : versions) {
            Migration migration = set.migrations().stream()
                    .filter(m -> MigrationVersion.isValid(version) && m.version().sameAs(MigrationVersion.of(version)))
                    .findFirst()
                    .orElseThrow(() -> new HarnessException(ErrorCode.INPUT, "Database " + database.name()
                            + " has version " + version + " applied, which the folder " + DisplayPath.of(set.directory())
                            + " does not hold.\nIt was migrated from other files: migrate it from the same folder."));
            applied.add(0, migration);
        }
        return applied;
    }

    /** Runs one migration's down script and removes its version from the bookkeeping. */
    private void undo(Migration migration) {
        if (migration.irreversible()) {
            throw new HarnessException(ErrorCode.MIGRATION_FAILED, "Migration " + migration.version()
                    + " is marked irreversible (" + migration.irreversibleReason() + "): it cannot be undone.",
                    migration.down().file(), 0, null);
        }
        Script down = migration.downScript().orElseThrow(() -> new HarnessException(ErrorCode.MIGRATION_FAILED,
                "Migration " + migration.version() + " (" + migration.up().fileName() + ") has no down script.\n"
                        + "Add " + MigrationFormats.of(set).missingDown(migration) + ", or mark it"
                        + " irreversible with a down script holding only '-- " + IrreversibleMarker.KEYWORD + " <reason>'.",
                migration.up().file(), 0, null));
        runner.undo(migration, down);
    }
}
