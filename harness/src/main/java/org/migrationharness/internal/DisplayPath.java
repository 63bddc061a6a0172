package org.migrationharness.internal;

import java.nio.file.Path;

/** Paths as users see them in findings: relative to the working directory when inside it, with forward slashes. */
public final class DisplayPath {

    private DisplayPath() {
    }

    public static String of(Path path) {
        if (path == null) {
            return null;
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
