package org.migrationharness.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Builds a migrations folder file by file in a test's temporary directory. */
public final class MigrationFolder {

    private final Path dir;

    private MigrationFolder(Path dir) {
        this.dir = dir;
    }

    public static MigrationFolder in(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MigrationFolder(dir);
    }

    public MigrationFolder file(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A file with exactly these bytes (a script in another encoding, a binary file). */
    public MigrationFolder bytes(String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * A symbolic link {@code name} to {@code target} (as written in the link, e.g. {@code ..}), created at run time;
     * the test is skipped where the file system cannot create links.
     */
    public MigrationFolder link(String name, String target) {
        try {
            Path link = dir.resolve(name);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("cannot create a symbolic link here: " + e);
        }
        return this;
    }

    public Path path() {
        return dir;
    }
}
