package org.migrationharness.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Lexes a PostgreSQL script as the server's scanner does (with {@code standard_conforming_strings} on, the default):
 * whitespace separates tokens and is dropped, everything else becomes a {@link Token}. Lines are counted once, here,
 * from the newlines each token and each run of whitespace spans, so a newline inside any construct (a string, an
 * {@code E'...\}<i>newline</i>{@code ...'} escape, a quoted identifier, a dollar quote, a comment) counts exactly once.
 * An unterminated construct runs to the end of the script, as the server would report it there.
 */
public final class Tokenizer {

    private static final String OPERATOR_CHARS = "~!@#^&|`?+-*/%<>=";

    private final String sql;
    private final int n;
    private final List<Token> tokens = new ArrayList<>();
    private int i;
    private int line = 1;

    private Tokenizer(String sql) {
        this.sql = sql;
        this.n = sql.length();
    }

    /** Every token of the script, comments included, in order. */
    public static List<Token> tokenize(String sql) {
        Tokenizer tokenizer = new Tokenizer(sql == null ? "" : sql);
        tokenizer.run();
        return List.copyOf(tokenizer.tokens);
    }

    private void run() {
        while (i < n) {
            char c = sql.charAt(i);
            char next = at(i + 1);
            if (whitespace(c)) {
                advanceTo(i + 1);
            } else if (c == '-' && next == '-') {
                int end = sql.indexOf('\n', i);
                emit(TokenKind.LINE_COMMENT, end < 0 ? n : end);
            } else if (c == '/' && next == '*') {
                emit(TokenKind.BLOCK_COMMENT, blockCommentEnd());
            } else if (c == '\'') {
                emit(TokenKind.STRING, quotedEnd(i, '\'', false));
            } else if (c == '"') {
                emit(TokenKind.QUOTED_IDENTIFIER, quotedEnd(i, '"', false));
            } else if (c == '$') {
                dollar();
            } else if (digit(c) || (c == '.' && digit(next))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '.')) {
                    j++;
                }
                emit(TokenKind.NUMBER, j);
            } else if (identStart(c)) {
                word(c, next);
            } else if (c == '(') {
                emit(TokenKind.OPEN_PAREN, i + 1);
            } else if (c == ')') {
                emit(TokenKind.CLOSE_PAREN, i + 1);
            } else if (c == ';') {
                emit(TokenKind.SEMICOLON, i + 1);
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                int j = i + 1;
                while (j < n && OPERATOR_CHARS.indexOf(sql.charAt(j)) >= 0 && !sql.startsWith("--", j)
                        && !sql.startsWith("/*", j)) {
                    j++;
                }
                emit(TokenKind.OPERATOR, j);
            } else if (c == ':' && next == ':') {
                emit(TokenKind.OPERATOR, i + 2);
            } else {
                emit(TokenKind.OPERATOR, i + 1);
            }
        }
    }

    /** An identifier or keyword, or a string or identifier with a one-letter prefix ({@code E'}, {@code U&"}, ...). */
    private void word(char c, char next) {
        if (next == '\'' && "eE".indexOf(c) >= 0) {
            emit(TokenKind.STRING, quotedEnd(i + 1, '\'', true));
            return;
        }
        if (next == '\'' && "bBxXnN".indexOf(c) >= 0) {
            emit(TokenKind.STRING, quotedEnd(i + 1, '\'', false));
            return;
        }
        if ((c == 'u' || c == 'U') && next == '&' && (at(i + 2) == '\'' || at(i + 2) == '"')) {
            char quote = at(i + 2);
            int end = uescapeEnd(quotedEnd(i + 2, quote, false));
            emit(quote == '"' ? TokenKind.QUOTED_IDENTIFIER : TokenKind.STRING, end);
            return;
        }
        int j = i + 1;
        while (j < n && identPart(sql.charAt(j))) {
            j++;
        }
        emit(TokenKind.WORD, j);
    }

    /** A dollar quote, a positional parameter, or a lone {@code $}. */
    private void dollar() {
        int j = i + 1;
        if (digit(at(j))) {
            while (digit(at(j))) {
                j++;
            }
            emit(TokenKind.PARAMETER, j);
            return;
        }
        if (at(j) != '$') {
            if (!identStart(at(j))) {
                emit(TokenKind.OPERATOR, i + 1);
                return;
            }
            while (identStart(at(j)) || digit(at(j))) {
                j++;
            }
            if (at(j) != '$') {
                emit(TokenKind.OPERATOR, i + 1);
                return;
            }
        }
        String tag = sql.substring(i, j + 1);
        int close = sql.indexOf(tag, j + 1);
        emit(TokenKind.DOLLAR_STRING, close < 0 ? n : close + tag.length());
    }

    /** The end (exclusive) of a quoted construct whose opening quote is at {@code open}. */
    private int quotedEnd(int open, char quote, boolean backslashEscapes) {
        int j = open + 1;
        while (j < n) {
            char d = sql.charAt(j);
            if (backslashEscapes && d == '\\') {
                j += 2;
            } else if (d == quote) {
                if (at(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    /** Past a {@code UESCAPE 'c'} clause following a {@code U&} constant ending at {@code end}, if there is one. */
    private int uescapeEnd(int end) {
        int j = end;
        while (j < n && whitespace(sql.charAt(j))) {
            j++;
        }
        if (!sql.regionMatches(true, j, "UESCAPE", 0, 7) || identPart(at(j + 7))) {
            return end;
        }
        int k = j + 7;
        while (k < n && whitespace(sql.charAt(k))) {
            k++;
        }
        return at(k) == '\'' && k + 2 < n && sql.charAt(k + 2) == '\'' ? k + 3 : end;
    }

    private int blockCommentEnd() {
        int depth = 0;
        int j = i;
        while (j < n) {
            if (sql.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (sql.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    private void emit(TokenKind kind, int end) {
        int to = Math.min(end, n);
        tokens.add(new Token(kind, sql.substring(i, to), i, line));
        advanceTo(to);
    }

    private void advanceTo(int to) {
        for (int k = i; k < to; k++) {
            if (sql.charAt(k) == '\n') {
                line++;
            }
        }
        i = to;
    }

    private char at(int k) {
        return k < n ? sql.charAt(k) : '\0';
    }

    private static boolean whitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean identStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean identPart(char c) {
        return identStart(c) || digit(c) || c == '$';
    }
}
