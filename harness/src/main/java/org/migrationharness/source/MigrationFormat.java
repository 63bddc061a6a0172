package org.migrationharness.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.migrationharness.source.naming.NamingConfig;

/**
 * A migration format: how a tool lays out its migrations in a folder, and what it keeps in the database. The reading
 * half of a format; {@code org.migrationharness.apply.MigrationRunner} is the applying half, found by the same
 * {@link #id()}. Formats are found with {@link java.util.ServiceLoader}: a team adds one by implementing both
 * interfaces and listing the classes in {@code META-INF/services/}.
 *
 * <p>Checks, snapshots, seeds, the JUnit extension and the CLI know formats only through these two interfaces: no
 * check knows a file-name pattern.
 */
public interface MigrationFormat {

    /** The format's id, as {@code format:} in harness.yaml and {@code --format} name it: {@code flyway}. */
    String id();

    /**
     * The files of the folder that only this format names so (its evidence for {@code format: auto}); empty when
     * nothing in the folder looks like this format.
     *
     * @param files every file of the folder (see {@link ScriptFiles#list})
     */
    List<Path> evidence(Path migrations, List<Path> files);

    /**
     * Reads the set. Files the format would misread or ignore, duplicate versions and down scripts that reverse no
     * migration are problems of the set ({@link MigrationSet#problems()}), not exceptions.
     *
     * @param files every file of the folder (see {@link ScriptFiles#list})
     * @throws org.migrationharness.HarnessException with {@link org.migrationharness.ErrorCode#INPUT} when a script
     *         cannot be read at all
     */
    MigrationSet read(Path migrations, String name, ServiceConfig config, List<Path> files);

    /** The tables the tool keeps its bookkeeping in (in the service's default schema): left out of every snapshot. */
    Set<String> bookkeepingTables(ServiceConfig config);

    /** What to write when a migration has no down script, e.g. {@code U4__add_phone.sql beside it}. */
    String missingDown(Migration migration);

    /**
     * The naming rules' settings for the names the tool itself generates (Prisma's {@code User_pkey}, say): laid
     * under the repository's {@code harness-defaults.yaml} and the service's own {@code naming:}, which override them
     * rule by rule, setting by setting. None by default: every rule as {@link org.migrationharness.source.naming.NamingRule}
     * defines it.
     */
    default NamingConfig namingDefaults() {
        return NamingConfig.defaults();
    }

    /**
     * Whether the tool keeps a checksum of every applied script and refuses to migrate when one changed (Flyway, Prisma,
     * the sectioned package): then even a comment edit of an applied migration breaks a deploy. None by default.
     */
    default boolean checksumsAppliedScripts() {
        return false;
    }
}
