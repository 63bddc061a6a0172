package org.migrationharness.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.source.naming.Baseline;

/**
 * A folder of migrations as read from disk, in version order.
 *
 * @param name the service name (or the folder's name)
 * @param directory the migrations folder
 * @param format the format, e.g. {@code flyway}
 * @param config the service's configuration
 * @param migrations the versioned migrations, in version order, without duplicates
 * @param repeatables the repeatable migrations, in description order
 * @param problems what reading found wrong with the folder (naming.file, order.duplicate-version, down.missing)
 * @param forwardOnly whether the set has no down migrations by design ({@code forward-only: true} in harness.yaml, or
 *        a format whose down scripts are optional and none of whose migrations has one): the checks of down
 *        scripts ({@code down.missing}, {@code down.apply}, {@code down.leaves-trace}, {@code up.reapply-differs},
 *        {@code chain.down-up}) are skipped with the reason {@link #FORWARD_ONLY}
 */
public record MigrationSet(String name, Path directory, String format, ServiceConfig config, List<Migration> migrations,
                           List<RepeatableMigration> repeatables, List<Finding> problems, boolean forwardOnly) {

    /** The reason the down checks of a forward-only set give for being skipped. */
    public static final String FORWARD_ONLY = "forward-only set";

    /** A set that is forward-only when its configuration says so. */
    public MigrationSet(String name, Path directory, String format, ServiceConfig config, List<Migration> migrations,
                        List<RepeatableMigration> repeatables, List<Finding> problems) {
        this(name, directory, format, config, migrations, repeatables, problems, config != null && config.forwardOnly());
    }

    public MigrationSet {
        migrations = List.copyOf(migrations);
        repeatables = List.copyOf(repeatables);
        problems = List.copyOf(problems);
    }

    /** This set with another configuration (the run's timeouts laid over the file's, say). */
    public MigrationSet withConfig(ServiceConfig other) {
        return new MigrationSet(name, directory, format, other, migrations, repeatables, problems,
                forwardOnly || other.forwardOnly());
    }

    /** The migration with this version (Flyway's equality: 1.0 is 1). */
    public Optional<Migration> migration(String version) {
        MigrationVersion wanted = MigrationVersion.of(version);
        return migrations.stream().filter(m -> m.version().sameAs(wanted)).findFirst();
    }

    /** The last version, if any. */
    public Optional<MigrationVersion> latestVersion() {
        return migrations.isEmpty() ? Optional.empty() : Optional.of(migrations.get(migrations.size() - 1).version());
    }

    /** The naming baseline ({@code naming: {since: ...}}) over this set's migrations; {@link Baseline.Scope#NONE} without one. */
    public Baseline.Scope namingBaseline() {
        return scope(config.naming().since(), migrations);
    }

    /** The baseline of {@code down.missing} ({@code reversible-since: ...}); {@link Baseline.Scope#NONE} without one. */
    public Baseline.Scope reversibleBaseline() {
        return scope(config.reversibleSince(), migrations);
    }

    /**
     * A baseline over migrations: it covers those at or before its version, in the set's version order.
     *
     * @throws HarnessException with {@link ErrorCode#INPUT} naming the file and line when the version is not one of
     *         the migrations'
     */
    static Baseline.Scope scope(Baseline baseline, List<Migration> migrations) {
        if (baseline == null) {
            return Baseline.Scope.NONE;
        }
        Optional<Migration> at = MigrationVersion.isValid(baseline.since()) ? migrations.stream()
                .filter(m -> m.version().sameAs(MigrationVersion.of(baseline.since()))).findFirst() : Optional.empty();
        if (at.isEmpty()) {
            String versions = migrations.isEmpty() ? "it has none"
                    : migrations.size() == 1 ? "it has " + migrations.get(0).version()
                    : "from " + migrations.get(0).version() + " to " + migrations.get(migrations.size() - 1).version();
            String example = migrations.isEmpty() ? "1" : migrations.get(0).version().text();
            throw new HarnessException(ErrorCode.INPUT, baseline.where() + " is not a version of this set (" + versions
                    + "): expected the version of its last migration already in production.\nWrite that version as its"
                    + " file name has it, e.g. " + (baseline.key().equals("naming.since") ? "naming: {since: " + example
                    + "}" : baseline.key() + ": " + example) + ".", baseline.file(), baseline.line(), null);
        }
        MigrationVersion since = at.get().version();
        int covered = (int) migrations.stream().filter(m -> m.version().compareTo(since) <= 0).count();
        return new Baseline.Scope(baseline, version -> MigrationVersion.isValid(version)
                && MigrationVersion.of(version).compareTo(since) <= 0, covered, at.get().up().label());
    }

    /** Whether reading found a problem severe enough that applying the set would not mean what its files say. */
    public boolean unreadable() {
        return problems(org.migrationharness.CheckId.ORDER_DUPLICATE_VERSION).stream()
                .anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The problems reading found that are findings of {@code check}, in order. */
    public List<Finding> problems(org.migrationharness.CheckId check) {
        return problems.stream().filter(f -> f.isOf(check)).toList();
    }
}
