package org.migrationharness.sql;

/** What a {@link Token} is. Whitespace is not a token. */
public enum TokenKind {
    /** An unquoted identifier or keyword ({@code $} allowed after the first character). */
    WORD,
    /** A double-quoted identifier, {@code U&"..."} included (with its {@code UESCAPE 'c'} clause, if any). */
    QUOTED_IDENTIFIER,
    /** A string constant: {@code '...'}, {@code E'...'}, {@code B'...'}, {@code X'...'}, {@code N'...'}, {@code U&'...'}. */
    STRING,
    /** A dollar-quoted string: {@code $$...$$} or {@code $tag$...$tag$}. */
    DOLLAR_STRING,
    /** A numeric constant. */
    NUMBER,
    /** A positional parameter: {@code $1}. */
    PARAMETER,
    /** {@code -- ...} up to the end of the line (the newline excluded). */
    LINE_COMMENT,
    /** {@code /* ... *}{@code /}, nested ones included. */
    BLOCK_COMMENT,
    OPEN_PAREN,
    CLOSE_PAREN,
    SEMICOLON,
    /** An operator ({@code +}, {@code <=}, {@code ::}, ...) or other punctuation ({@code ,}, {@code .}, {@code [}). */
    OPERATOR
}
