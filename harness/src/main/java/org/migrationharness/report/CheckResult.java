package org.migrationharness.report;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How one check ended for one service.
 *
 * @param check the check id
 * @param status passed, failed (an error finding) or skipped (could not run, e.g. up failed first)
 * @param durationMs how long it took
 * @param reason why it was skipped (e.g. {@code forward-only set}); null unless skipped
 */
public record CheckResult(String check, Status status, long durationMs,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    /** The outcome of a check. */
    public enum Status {
        PASSED, FAILED, SKIPPED;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
