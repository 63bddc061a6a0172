package org.migrationharness.check;

import java.nio.file.Path;

import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.report.CheckId;
import org.migrationharness.report.Finding;
import org.migrationharness.report.Severity;

/** Turns a failed statement (a {@link HarnessException} naming file and line) into an error finding. */
final class Failure {

    private Failure() {
    }

    /**
     * An error finding at the exception's file and line, or at {@code fallback} (which may be null) when it names none.
     */
    static Finding of(CheckId check, String migration, HarnessException e, Path fallback, String message) {
        Path file = e.file().orElse(fallback);
        return new Finding(check.id(), Severity.ERROR, migration, file == null ? null : DisplayPath.of(file),
                e.line() > 0 ? e.line() : null, message);
    }
}
