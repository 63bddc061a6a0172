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
 */
public record MigrationSet(String name, Path directory, String format, ServiceConfig config, List<Migration> migrations,
                           List<RepeatableMigration> repeatables, List<Finding> problems) {

    public MigrationSet {
        migrations = List.copyOf(migrations);
        repeatables = List.copyOf(repeatables);
        problems = List.copyOf(problems);
    }

    /** This set with another configuration (the run's timeouts laid over the file's, say). */
    public MigrationSet withConfig(ServiceConfig other) {
        return new MigrationSet(name, directory, format, other, migrations, repeatables, problems);
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
