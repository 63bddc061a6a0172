package org.migrationharness.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.DisplayPath;

/**
 * The one check every command makes on a file it will write ({@code verify --report-json}, {@code snapshot --output}),
 * before any server starts: a path that cannot be written fails in milliseconds, not after a run of minutes. Nothing
 * is created here or later: a missing folder is for the caller to create.
 */
final class OutputFile {

    private OutputFile() {
    }

    /**
     * The path given to {@code option}, once it is known to be writable: its folder exists and is writable, it is not
     * a folder, and where it exists it is a writable file.
     *
     * @param option the option that names the file, e.g. {@code --report-json}
     * @param value the option's value
     * @param example a file name to suggest when the value is a folder, e.g. {@code report.json}
     * @throws HarnessException {@link ErrorCode#INPUT} (exit 2) naming the path, what is wrong and what to do
     */
    static Path check(String option, String value, String example) {
        Path file;
        try {
            file = Path.of(value);
        } catch (InvalidPathException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot write " + option + " '" + value + "': it is not a valid "
                    + "path (" + e.getReason() + ").\nGive the path of a file in an existing folder.");
        }
        // not normalized: "missing/../x.json" fails on a missing folder, as the file system would fail it
        Path absolute = file.toAbsolutePath();
        String shown = DisplayPath.of(file);
        String start = "Cannot write " + option + " " + shown + ": ";
        if (Files.isDirectory(absolute)) {
            throw new HarnessException(ErrorCode.INPUT, start + "expected a file, but it is a folder.\n"
                    + "Give a file in it, e.g. " + option + " " + DisplayPath.of(absolute.resolve(example)) + ".");
        }
        Path folder = absolute.getParent();
        String folderShown = DisplayPath.of(folder);
        if (!Files.exists(folder)) {
            throw new HarnessException(ErrorCode.INPUT, start + "expected its folder " + folderShown + " to exist, but "
                    + "there is no such folder (the harness does not create it).\nCreate the folder first (mkdir -p "
                    + shell(folderShown) + "), or give a path in an existing folder.");
        }
        if (!Files.isDirectory(folder)) {
            throw new HarnessException(ErrorCode.INPUT, start + "expected " + folderShown + " to be a folder, but it is "
                    + "a file.\nGive a path in an existing folder.");
        }
        if (!Files.isWritable(folder)) {
            throw new HarnessException(ErrorCode.INPUT, start + "expected its folder " + folderShown + " to be writable, "
                    + "but it is not.\nGive a path in a folder you can write to, or make " + folderShown + " writable.");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new HarnessException(ErrorCode.INPUT, start + "expected a writable file, but the file exists and is "
                    + "read-only.\nMake it writable (chmod u+w " + shell(shown) + "), or give another path.");
        }
        return file;
    }

    /** The path quoted for a POSIX shell where it needs it. */
    private static String shell(String path) {
        return path.matches("[A-Za-z0-9_./@%+=:,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
