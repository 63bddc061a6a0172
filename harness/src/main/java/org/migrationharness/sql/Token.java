package org.migrationharness.sql;

import java.util.Locale;

/**
 * One token of a script.
 *
 * @param kind what it is
 * @param text its text exactly as written (quotes, prefixes and escapes included)
 * @param offset where it starts in the script (0-based char index)
 * @param line the 1-based line it starts on
 */
public record Token(TokenKind kind, String text, int offset, int line) {

    /** Where it ends in the script (exclusive). */
    public int end() {
        return offset + text.length();
    }

    /** Whether it is a line or block comment. */
    public boolean isComment() {
        return kind == TokenKind.LINE_COMMENT || kind == TokenKind.BLOCK_COMMENT;
    }

    /** Whether it is an unquoted word equal to {@code keyword}, ignoring case. */
    public boolean isWord(String keyword) {
        return kind == TokenKind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** Whether it is an identifier: an unquoted word or a quoted identifier. */
    public boolean isIdentifier() {
        return kind == TokenKind.WORD || kind == TokenKind.QUOTED_IDENTIFIER;
    }

    /** An unquoted word in upper case (for keyword comparisons), else the empty string. */
    String keyword() {
        return kind == TokenKind.WORD ? text.toUpperCase(Locale.ROOT) : "";
    }

    /**
     * The identifier as the server reads it before truncation: an unquoted word folded to lower case (ASCII letters,
     * as in a UTF-8 database), a quoted one with {@code ""} read as {@code "} and, for {@code U&"..."}, its unicode
     * escapes decoded. Null for other kinds.
     */
    public String identifier() {
        if (kind == TokenKind.WORD) {
            return fold(text);
        }
        if (kind != TokenKind.QUOTED_IDENTIFIER) {
            return null;
        }
        boolean unicode = text.charAt(0) != '"';
        int open = text.indexOf('"');
        StringBuilder name = new StringBuilder();
        int k = open + 1;
        while (k < text.length()) {
            char c = text.charAt(k);
            if (c == '"') {
                if (k + 1 < text.length() && text.charAt(k + 1) == '"') {
                    name.append('"');
                    k += 2;
                    continue;
                }
                break;
            }
            name.append(c);
            k++;
        }
        if (!unicode) {
            return name.toString();
        }
        int quote = text.indexOf('\'', k + 1);
        char escape = quote >= 0 && quote + 1 < text.length() ? text.charAt(quote + 1) : '\\';
        return unescape(name.toString(), escape);
    }

    private static String fold(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    /** Decodes {@code \XXXX} and {@code \+XXXXXX} escapes (with {@code escape} for the backslash). */
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
}
