package org.migrationharness.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.internal.Secrets;

/**
 * One file format of the run's report ({@code verify --report FORMAT=FILE}). Formats are found with
 * {@link java.util.ServiceLoader}: adding one is a class implementing this interface (with a public no-argument
 * constructor) and a line in {@code META-INF/services/org.migrationharness.report.ReportWriter}; nothing else changes.
 */
public interface ReportWriter {

    /** The id users give to {@code --report}, e.g. {@code junit-xml}. */
    String format();

    /** A file name to suggest in messages, e.g. {@code report.xml}. */
    default String exampleFile() {
        return "report." + format();
    }

    /** The whole document, as it is written to the file (secrets are masked by {@link #write}). */
    String render(RunReport report);

    /**
     * Writes the report to {@code file} in UTF-8, replacing it if it exists, every password masked. Its folder must
     * exist: nothing is created, so a mistyped path fails instead of leaving a report where nobody looks.
     *
     * @throws HarnessException {@link ErrorCode#INPUT} naming the file and what to do
     */
    default void write(RunReport report, Path file) {
        String what = "Cannot write the " + format() + " report to " + DisplayPath.of(file);
        try {
            Files.writeString(file, Secrets.mask(render(report)));
        } catch (NoSuchFileException e) {
            throw new HarnessException(ErrorCode.INPUT, what + ": its folder "
                    + DisplayPath.of(file.toAbsolutePath().getParent()) + " does not exist.\n"
                    + "Create the folder first, or give a path in an existing folder.", e);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, what + ": " + e.getMessage()
                    + "\nCheck that the path is a file in a writable folder.", e);
        }
    }

    /** Every format on the class path, sorted by id. */
    static List<String> formats() {
        return ReportWriters.ALL.keySet().stream().sorted().toList();
    }

    /** The writer of the format with this id, if there is one. */
    static Optional<ReportWriter> byFormat(String format) {
        return Optional.ofNullable(ReportWriters.ALL.get(format));
    }
}
