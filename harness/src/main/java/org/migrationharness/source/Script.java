package org.migrationharness.source;

import java.nio.file.Path;
import java.util.Map;

/**
 * One script of a migration: an up or a down, a whole file or a section of one.
 *
 * @param file the file that holds it
 * @param firstLine the 1-based line of the file where the script's text starts (1 for a whole file; the line after
 *        the section marker for a sectioned format), so that a failing statement is named by its line in the file
 * @param label how findings name the script, as the team knows it: {@code V4} and {@code U4} in Flyway's layout
 * @param text the script's text as read (before any placeholder is replaced)
 * @param settings what the tool reads about this one script beside it, by the tool's own key (Flyway's script
 *        configuration file {@code V4__x.sql.conf}: {@code executeInTransaction=false}); empty for most scripts
 */
public record Script(Path file, int firstLine, String label, String text, Map<String, String> settings) {

    public Script {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** A script without settings of its own. */
    public Script(Path file, int firstLine, String label, String text) {
        this(file, firstLine, label, text, Map.of());
    }

    /** The line in {@link #file()} of line {@code lineInScript} (1-based) of the script's text. */
    public int lineInFile(int lineInScript) {
        return lineInScript <= 0 ? 0 : firstLine + lineInScript - 1;
    }

    /** The file's name, e.g. {@code U4__add_phone.sql}. */
    public String fileName() {
        return file.getFileName().toString();
    }
}
