package org.migrationharness.source;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Whether the text is nothing but comments and blank lines: a down section that reverses nothing. */
    public static boolean empty(String text) {
        return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("--"));
    }
}
