package org.migrationharness.check;

import java.nio.file.Path;
import java.util.List;

import org.migrationharness.source.MigrationSet;

/**
 * What {@link Verifier} checks besides the migrations themselves.
 *
 * @param expected the expected schema to compare with; null: the service's committed expectation, if any
 * @param expectationRequired whether a missing expectation is an error (services) or the check is skipped (folders)
 * @param seeds the seed fixtures folder ({@code <environment>/} sub-folders), or null
 * @param environments the seed environments to load; empty: every environment folder present
 * @param dependencies the sets of the services this one depends on, in the order to migrate them: every database of
 *        the service starts with them migrated (their schemas are theirs: left out of the service's checks)
 * @param base what the history checks compare the set with, or null: no base given, they are skipped
 */
public record VerifyOptions(Path expected, boolean expectationRequired, Path seeds, List<String> environments,
                            List<MigrationSet> dependencies, HistoryBase base) {

    public VerifyOptions {
        environments = environments == null ? List.of() : List.copyOf(environments);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    /** Options without a base for the history checks. */
    public VerifyOptions(Path expected, boolean expectationRequired, Path seeds, List<String> environments,
                         List<MigrationSet> dependencies) {
        this(expected, expectationRequired, seeds, environments, dependencies, null);
    }

    /** These options with a base for the history checks. */
    public VerifyOptions withBase(HistoryBase other) {
        return new VerifyOptions(expected, expectationRequired, seeds, environments, dependencies, other);
    }

    /** Options without dependencies. */
    public VerifyOptions(Path expected, boolean expectationRequired, Path seeds, List<String> environments) {
        this(expected, expectationRequired, seeds, environments, List.of());
    }

    /** Options for a bare migrations folder: no expectation, no seeds. */
    public static VerifyOptions defaults() {
        return new VerifyOptions(null, false, null, List.of());
    }
}
