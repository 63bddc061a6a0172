package org.migrationharness.sql;

import java.util.List;

/**
 * The identifiers of a script: its unquoted words (keywords among them: no keyword is anywhere near 63 bytes, so a
 * caller that measures names filters by length) and quoted identifiers. Nothing inside a string constant, a comment,
 * a dollar quote or a positional parameter counts; {@link Token#identifier()} gives each one's name as the server
 * reads it.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** Every identifier token of the script, in order. */
    public static List<Token> scan(String sql) {
        return Tokenizer.tokenize(sql).stream().filter(Token::isIdentifier).toList();
    }
}
