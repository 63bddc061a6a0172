package org.migrationharness.naming;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the identifiers of a PostgreSQL script the way the server's lexer reads them: unquoted ones (folded to lower
 * case; {@code $} allowed after the first character), double-quoted ones ({@code ""} inside, {@code U&"..."} with
 * unicode escapes and {@code UESCAPE}). String constants ({@code '...'}, {@code E'...'} with backslash escapes,
 * {@code B'...'}, {@code X'...'}, {@code N'...'}, {@code U&'...'}), line and nested block comments, dollar-quoted
 * bodies and positional parameters ({@code $1}) are skipped, so nothing in them counts. Keywords are returned as
 * identifiers too: no keyword is anywhere near 63 bytes, so the caller filters by length.
 */
public final class SqlIdentifiers {

    private final String sql;
    private final int n;
    private final List<SqlIdentifier> found = new ArrayList<>();
    private int i;
    private int line = 1;

    private SqlIdentifiers(String sql) {
        this.sql = sql;
        this.n = sql.length();
    }

    /** Every identifier in the script, in order. */
    public static List<SqlIdentifier> scan(String sql) {
        SqlIdentifiers scanner = new SqlIdentifiers(sql == null ? "" : sql);
        scanner.run();
        return List.copyOf(scanner.found);
    }

    private void run() {
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '-' && next == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                blockComment();
            } else if (c == '\'') {
                string(false);
            } else if (c == '"') {
                quotedIdentifier(false);
            } else if (c == '$') {
                dollar();
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '.')) {
                    i++;
                }
            } else if (identStart(c)) {
                word();
            } else {
                i++;
            }
        }
    }

    private static boolean identStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean identPart(char c) {
        return identStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    private void word() {
        int start = i;
        int startLine = line;
        while (i < n && identPart(sql.charAt(i))) {
            i++;
        }
        String word = sql.substring(start, i);
        char next = i < n ? sql.charAt(i) : '\0';
        if (word.length() == 1 && next == '\'' && "eEbBxXnN".indexOf(word.charAt(0)) >= 0) {
            string(word.equalsIgnoreCase("e"));
            return;
        }
        if (word.equalsIgnoreCase("u") && next == '&' && i + 1 < n) {
            char quote = sql.charAt(i + 1);
            if (quote == '\'') {
                i++;
                string(false);
                return;
            }
            if (quote == '"') {
                i++;
                quotedIdentifier(true);
                return;
            }
        }
        found.add(new SqlIdentifier(fold(word), false, startLine));
    }

    /** Folds ASCII letters to lower case, as the server does for unquoted identifiers in a UTF-8 database. */
    private static String fold(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    private void blockComment() {
        int depth = 0;
        while (i < n) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                if (sql.charAt(i) == '\n') {
                    line++;
                }
                i++;
            }
        }
    }

    /** A string constant starting at the quote at {@code i}. */
    private void string(boolean backslashEscapes) {
        i++;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (backslashEscapes && c == '\\') {
                if (i + 1 < n && sql.charAt(i + 1) == '\n') {
                    line++;
                }
                i += 2;
                continue;
            }
            if (c == '\'') {
                if (i + 1 < n && sql.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                i++;
                return;
            }
            i++;
        }
    }

    /** A quoted identifier starting at the double quote at {@code i}. */
    private void quotedIdentifier(boolean unicode) {
        int startLine = line;
        StringBuilder name = new StringBuilder();
        i++;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '"') {
                if (i + 1 < n && sql.charAt(i + 1) == '"') {
                    name.append('"');
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            if (c == '\n') {
                line++;
            }
            name.append(c);
            i++;
        }
        String value = unicode ? unescape(name.toString(), uescape()) : name.toString();
        found.add(new SqlIdentifier(value, true, startLine));
    }

    /** The escape character of a {@code UESCAPE 'c'} clause after a {@code U&"..."} identifier (consumed), else {@code \}. */
    private char uescape() {
        int j = i;
        while (j < n && Character.isWhitespace(sql.charAt(j))) {
            j++;
        }
        if (sql.regionMatches(true, j, "UESCAPE", 0, 7)) {
            int k = j + 7;
            while (k < n && Character.isWhitespace(sql.charAt(k))) {
                k++;
            }
            if (k + 2 < n && sql.charAt(k) == '\'' && sql.charAt(k + 2) == '\'') {
                for (int m = i; m < k + 3; m++) {
                    if (sql.charAt(m) == '\n') {
                        line++;
                    }
                }
                i = k + 3;
                return sql.charAt(k + 1);
            }
        }
        return '\\';
    }

    private static String unescape(String text, char escape) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c != escape) {
                out.append(c);
            } else if (k + 1 < text.length() && text.charAt(k + 1) == escape) {
                out.append(escape);
                k++;
            } else if (k + 7 < text.length() && text.charAt(k + 1) == '+' && hex(text, k + 2, 6)) {
                out.appendCodePoint(Integer.parseInt(text.substring(k + 2, k + 8), 16));
                k += 7;
            } else if (k + 4 < text.length() && hex(text, k + 1, 4)) {
                out.appendCodePoint(Integer.parseInt(text.substring(k + 1, k + 5), 16));
                k += 4;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hex(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A dollar-quoted body ({@code $$...$$}, {@code $tag$...$tag$}), a parameter ({@code $1}) or a stray dollar. */
    private void dollar() {
        int j = i + 1;
        if (j < n && Character.isDigit(sql.charAt(j))) {
            while (j < n && Character.isDigit(sql.charAt(j))) {
                j++;
            }
            i = j;
            return;
        }
        if (j < n && sql.charAt(j) != '$' && !identStart(sql.charAt(j))) {
            i++;
            return;
        }
        while (j < n && sql.charAt(j) != '$' && identPart(sql.charAt(j))) {
            j++;
        }
        if (j >= n || sql.charAt(j) != '$') {
            i++;
            return;
        }
        String tag = sql.substring(i, j + 1);
        int end = sql.indexOf(tag, j + 1);
        end = end < 0 ? n : end + tag.length();
        for (int k = i; k < end; k++) {
            if (sql.charAt(k) == '\n') {
                line++;
            }
        }
        i = end;
    }
}
