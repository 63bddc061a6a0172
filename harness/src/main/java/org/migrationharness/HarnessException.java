package org.migrationharness;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception the harness throws. Its {@link ErrorCode} says what went wrong and decides the CLI's exit code;
 * its message says what was expected, what was found and what to do next. Where the cause is a statement in a file,
 * {@link #file()} and {@link #line()} name it.
 */
public final class HarnessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Path file;
    private final int line;

    public HarnessException(ErrorCode code, String message) {
        this(code, message, null, 0, null);
    }

    public HarnessException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, 0, cause);
    }

    public HarnessException(ErrorCode code, String message, Path file, int line, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.file = file;
        this.line = line;
    }

    public ErrorCode code() {
        return code;
    }

    /** The file whose content caused the error, when one did. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The 1-based line in {@link #file()} of the statement that caused the error, or 0 when unknown. */
    public int line() {
        return line;
    }
}
