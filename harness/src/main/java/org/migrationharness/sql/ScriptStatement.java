package org.migrationharness.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One statement of a script, with its tokens.
 *
 * @param text the statement's text from its first non-comment token, without the terminating semicolon, stripped
 * @param line the 1-based line of its first non-comment token (the line Flyway reports)
 * @param tokens its tokens, comments inside it included
 * @param column the 1-based column of its first non-comment token in its line
 * @param written its text exactly as in the script, from its first non-comment token to its terminating semicolon
 *     included (when it has one): what psql sends, so the server's error position and message are psql's
 */
public record ScriptStatement(String text, int line, List<Token> tokens, int column, String written) {

    private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "COMMIT", "END", "ROLLBACK", "ABORT",
            "SAVEPOINT", "RELEASE");

    public ScriptStatement {
        tokens = List.copyOf(tokens);
    }

    public ScriptStatement(String text, int line, List<Token> tokens) {
        this(text, line, tokens, 1, text);
    }

    /** The text of one statement, tokenized and classified as it stands (line of its first non-comment token). */
    public static ScriptStatement of(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<Token> significant = significant(tokens);
        return new ScriptStatement(text == null ? "" : text.strip(), significant.isEmpty() ? 1 : significant.get(0).line(),
                tokens);
    }

    /**
     * Whether PostgreSQL refuses to run it inside a transaction block: {@code CREATE [UNIQUE] INDEX CONCURRENTLY},
     * {@code DROP INDEX CONCURRENTLY}, {@code REINDEX ... CONCURRENTLY} and {@code REINDEX SCHEMA|DATABASE|SYSTEM},
     * {@code VACUUM}, {@code CREATE|DROP DATABASE}, {@code CREATE|DROP TABLESPACE}, {@code ALTER SYSTEM},
     * {@code ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY} and a {@code CLUSTER} of every table (no table named).
     */
    public boolean nonTransactional() {
        List<Token> t = significant(tokens);
        String first = keyword(t, 0);
        switch (first) {
            case "CREATE" -> {
                int k = keyword(t, 1).equals("UNIQUE") ? 2 : 1;
                return keyword(t, k).equals("INDEX") && keyword(t, k + 1).equals("CONCURRENTLY")
                        || keyword(t, 1).equals("DATABASE") || keyword(t, 1).equals("TABLESPACE");
            }
            case "DROP" -> {
                return keyword(t, 1).equals("INDEX") && keyword(t, 2).equals("CONCURRENTLY")
                        || keyword(t, 1).equals("DATABASE") || keyword(t, 1).equals("TABLESPACE");
            }
            case "REINDEX" -> {
                int k = afterParenthesized(t, 1);
                String what = keyword(t, k);
                return what.equals("SCHEMA") || what.equals("DATABASE") || what.equals("SYSTEM")
                        || t.stream().anyMatch(token -> token.isWord("CONCURRENTLY"));
            }
            case "VACUUM" -> {
                return true;
            }
            case "ALTER" -> {
                if (keyword(t, 1).equals("SYSTEM")) {
                    return true;
                }
                if (!keyword(t, 1).equals("TABLE")) {
                    return false;
                }
                for (int k = 2; k + 1 < t.size(); k++) {
                    if (t.get(k).isWord("DETACH") && t.get(k + 1).isWord("PARTITION")) {
                        return t.subList(k + 2, t.size()).stream().anyMatch(token -> token.isWord("CONCURRENTLY"));
                    }
                }
                return false;
            }
            case "CLUSTER" -> {
                int k = afterParenthesized(t, 1);
                if (keyword(t, k).equals("VERBOSE")) {
                    k++;
                }
                return k >= t.size() || t.get(k).kind() == TokenKind.SEMICOLON;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Whether it is a top-level transaction control statement: {@code BEGIN}, {@code START TRANSACTION},
     * {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}, {@code SAVEPOINT}, {@code RELEASE [SAVEPOINT]},
     * {@code PREPARE TRANSACTION} ({@code COMMIT PREPARED} and {@code ROLLBACK PREPARED} included).
     */
    public boolean isTransactionControl() {
        List<Token> t = significant(tokens);
        String first = keyword(t, 0);
        if (first.equals("START") || first.equals("PREPARE")) {
            return keyword(t, 1).equals("TRANSACTION");
        }
        if (first.equals("BEGIN") && keyword(t, 1).equals("ATOMIC")) {
            return false;
        }
        return TRANSACTION_CONTROL.contains(first);
    }

    /** The tokens that are not comments. */
    static List<Token> significant(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            if (!token.isComment()) {
                out.add(token);
            }
        }
        return out;
    }

    private static String keyword(List<Token> tokens, int k) {
        return k < tokens.size() ? tokens.get(k).keyword() : "";
    }

    /** The index after a parenthesized option list starting at {@code k}, or {@code k} when there is none. */
    private static int afterParenthesized(List<Token> tokens, int k) {
        if (k >= tokens.size() || tokens.get(k).kind() != TokenKind.OPEN_PAREN) {
            return k;
        }
        int depth = 0;
        for (int j = k; j < tokens.size(); j++) {
            TokenKind kind = tokens.get(j).kind();
            if (kind == TokenKind.OPEN_PAREN) {
                depth++;
            } else if (kind == TokenKind.CLOSE_PAREN && --depth == 0) {
                return j + 1;
            }
        }
        return tokens.size();
    }
}
