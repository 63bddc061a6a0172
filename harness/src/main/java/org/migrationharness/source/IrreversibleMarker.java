package org.migrationharness.source;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.internal.DisplayPath;

/**
 * The marker a down script (or down section) holds instead of statements to declare its migration irreversible:
 * {@code -- harness:irreversible <reason>}. It means the same in every format.
 *
 * @param reason the reason given, {@code (no reason given)} for none, or null when the script holds no marker
 * @param hasStatements whether the script holds anything but comments and blank lines besides the marker
 * @param line the 1-based line of the marker in the script's text, 0 when there is none
 */
public record IrreversibleMarker(String reason, boolean hasStatements, int line) {

    /** The marker's keyword. */
    public static final String KEYWORD = "harness:irreversible";

    private static final Pattern MARKER = Pattern.compile("^\\s*--\\s*" + Pattern.quote(KEYWORD) + "\\b\\s*(.*)$");

    /** Reads the marker of a down script's text. */
    public static IrreversibleMarker of(String text) {
        List<String> lines = text.lines().toList();
        String reason = null;
        int markerLine = 0;
        boolean statements = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher matcher = MARKER.matcher(line);
            if (matcher.matches() && reason == null) {
                reason = matcher.group(1).isBlank() ? "(no reason given)" : matcher.group(1).strip();
                markerLine = i + 1;
            } else if (!line.isEmpty() && !line.startsWith("--")) {
                statements = true;
            }
        }
        return new IrreversibleMarker(reason, statements, markerLine);
    }

    /**
     * A down script as its marker makes it, the same in every format.
     *
     * @param script the down script, or null when there is none (or an empty one that reverses nothing)
     * @param irreversibleReason the reason its migration is declared irreversible, or null
     */
    public record Down(Script script, String irreversibleReason) {
    }

    /**
     * Reads a migration's down script through its marker: a marker alone declares the migration irreversible; a
     * marker beside statements is a {@code down.missing} finding (the script stays, to be run); with
     * {@code emptyIsMissing}, a script of nothing but comments reverses nothing and counts as none.
     *
     * @param down the down script, or null
     * @param shown how the finding names the script ({@code U4__x.sql}, {@code 3_x.sql (down)})
     */
    public static Down read(Script down, MigrationVersion version, String shown, boolean emptyIsMissing,
                            List<Finding> problems) {
        if (down == null) {
            return new Down(null, null);
        }
        IrreversibleMarker marker = of(down.text());
        if (marker.reason() != null && marker.hasStatements()) {
            problems.add(new Finding(CheckId.DOWN_MISSING.id(), Severity.ERROR, version.text(),
                    DisplayPath.of(down.file()), down.lineInFile(marker.line()), shown + " marks migration " + version
                    + " irreversible and also holds statements.\nKeep only the '-- " + KEYWORD + " <reason>' line, or"
                    + " remove it to make it a real down migration."));
            return new Down(down, null);
        }
        if (marker.reason() != null) {
            return new Down(down, marker.reason());
        }
        return new Down(emptyIsMissing && empty(down.text()) ? null : down, null);
    }

    /** Whether the text is nothing but comments and blank lines: a down section that reverses nothing. */
    public static boolean empty(String text) {
        return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("--"));
    }
}
