package org.migrationharness.check;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Verifier} checks besides the migrations themselves.
 *
 * @param expected the expected schema to compare with; null: the service's committed expectation, if any
 * @param expectationRequired whether a missing expectation is an error (services) or the check is skipped (folders)
 * @param seeds the seed fixtures folder ({@code <environment>/} sub-folders), or null
 * @param environments the seed environments to load; empty: every environment folder present
 */
public record VerifyOptions(Path expected, boolean expectationRequired, Path seeds, List<String> environments) {

    public VerifyOptions {
        environments = environments == null ? List.of() : List.copyOf(environments);
    }

    /** Options for a bare migrations folder: no expectation, no seeds. */
    public static VerifyOptions defaults() {
        return new VerifyOptions(null, false, null, List.of());
    }
}
