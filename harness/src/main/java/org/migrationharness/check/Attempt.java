package org.migrationharness.check;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.Finding;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;

/**
 * What trying a migration step gave: its value, or the migration failure ({@link ErrorCode#MIGRATION_FAILED}) that
 * a check reports as a finding. Any other failure (the server is gone, the run was interrupted) is no finding of the
 * check: it is thrown, and the verifier reports that the check could not run. The one place that tells them apart.
 *
 * @param value what the step returned; null when it failed or returns nothing
 * @param failure the migration failure, or null when the step passed
 */
record Attempt<T>(T value, HarnessException failure) {

    /** Runs {@code step}; a migration failure is caught, any other exception thrown. */
    static <T> Attempt<T> get(Supplier<T> step) {
        try {
            return new Attempt<>(step.get(), null);
        } catch (HarnessException e) {
            if (e.code() != ErrorCode.MIGRATION_FAILED) {
                throw e;
            }
            return new Attempt<>(null, e);
        }
    }

    /** Runs {@code step}, which returns nothing; a migration failure is caught, any other exception thrown. */
    static Attempt<Void> run(Runnable step) {
        return get(() -> {
            step.run();
            return null;
        });
    }

    boolean failed() {
        return failure != null;
    }

    /** The finding {@code finding} makes of the failure, or none when the step passed. */
    Optional<Finding> finding(Function<HarnessException, Finding> finding) {
        return failed() ? Optional.of(finding.apply(failure)) : Optional.empty();
    }

    /**
     * An error finding of {@code check} at the failure's file and line, or at {@code fallback} (which may be null)
     * when it names none; none when the step passed.
     */
    Optional<Finding> finding(CheckId check, String migration, Path fallback, Function<HarnessException, String> message) {
        return finding(e -> of(check, migration, e, fallback, message.apply(e)));
    }

    /** An error finding at the exception's file and line, or at {@code fallback} (which may be null) when it names none. */
    static Finding of(CheckId check, String migration, HarnessException e, Path fallback, String message) {
        Path file = e.file().orElse(fallback);
        return new Finding(check, Severity.ERROR, migration, file == null ? null : DisplayPath.of(file),
                e.line() > 0 ? e.line() : null, message);
    }
}
