package org.migrationharness.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.migrationharness.report.Finding;
import org.migrationharness.report.Severity;

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

    /** Whether reading found a problem severe enough that applying the set would not mean what its files say. */
    public boolean unreadable() {
        return problems.stream().anyMatch(f -> f.severity() == Severity.ERROR
                && f.check().equals(org.migrationharness.report.CheckId.ORDER_DUPLICATE_VERSION.id()));
    }
}
