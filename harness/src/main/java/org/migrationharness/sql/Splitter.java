package org.migrationharness.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a script into statements where psql does: at a {@code ;} outside parentheses (so a
 * {@code CREATE RULE ... DO INSTEAD (...; ...)} stays whole) and outside a {@code BEGIN ATOMIC ... END} body of a
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} (where a {@code CASE ... END} nests). Semicolons inside strings,
 * quoted identifiers, dollar quotes and comments are inside their tokens, so they never count.
 *
 * <p>psql opens a body at any {@code BEGIN} word of such a statement; here it takes {@code BEGIN ATOMIC}, so a routine
 * named {@code begin} does not swallow the rest of the script.
 */
public final class Splitter {

    private Splitter() {
    }

    /**
     * The statements of a script, empty ones (only semicolons and comments) left out. Each has its text from its
     * first non-comment token to its terminating semicolon (excluded), stripped, and the line of that first token,
     * as Flyway reports it; comments before a statement belong to no statement.
     */
    public static List<ScriptStatement> split(String script) {
        String sql = script == null ? "" : script;
        List<Token> tokens = Tokenizer.tokenize(sql);
        List<ScriptStatement> statements = new ArrayList<>();
        int start = -1;
        boolean routine = false;
        int parens = 0;
        int atomic = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (token.isComment()) {
                continue;
            }
            if (start < 0) {
                if (token.kind() == TokenKind.SEMICOLON) {
                    continue;
                }
                start = k;
                routine = createsRoutine(tokens, k);
                parens = 0;
                atomic = 0;
            }
            switch (token.kind()) {
                case OPEN_PAREN -> parens++;
                case CLOSE_PAREN -> parens = Math.max(0, parens - 1);
                case WORD -> {
                    if (routine && parens == 0) {
                        if (token.isWord("BEGIN") && nextIsWord(tokens, k, "ATOMIC")) {
                            atomic++;
                        } else if (token.isWord("CASE") && atomic > 0) {
                            atomic++;
                        } else if (token.isWord("END") && atomic > 0) {
                            atomic--;
                        }
                    }
                }
                case SEMICOLON -> {
                    if (parens == 0 && atomic == 0) {
                        statements.add(statement(sql, tokens, start, k, token.offset(), token.end()));
                        start = -1;
                    }
                }
                default -> {
                }
            }
        }
        if (start >= 0) {
            statements.add(statement(sql, tokens, start, tokens.size(), sql.length(), sql.length()));
        }
        return List.copyOf(statements);
    }

    private static ScriptStatement statement(String sql, List<Token> tokens, int from, int to, int endOffset,
                                             int writtenEnd) {
        Token first = tokens.get(from);
        int lineStart = sql.lastIndexOf('\n', first.offset() - 1) + 1;
        return new ScriptStatement(sql.substring(first.offset(), endOffset).strip(), first.line(),
                tokens.subList(from, to), first.offset() - lineStart + 1,
                sql.substring(first.offset(), writtenEnd).stripTrailing());
    }

    /** Whether the statement starting at token {@code k} is {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}. */
    private static boolean createsRoutine(List<Token> tokens, int k) {
        List<Token> words = new ArrayList<>(4);
        for (int j = k; j < tokens.size() && words.size() < 4; j++) {
            if (!tokens.get(j).isComment()) {
                words.add(tokens.get(j));
            }
        }
        int w = 0;
        if (w >= words.size() || !words.get(w++).isWord("CREATE")) {
            return false;
        }
        if (w + 1 < words.size() && words.get(w).isWord("OR") && words.get(w + 1).isWord("REPLACE")) {
            w += 2;
        }
        return w < words.size() && (words.get(w).isWord("FUNCTION") || words.get(w).isWord("PROCEDURE"));
    }

    private static boolean nextIsWord(List<Token> tokens, int k, String keyword) {
        for (int j = k + 1; j < tokens.size(); j++) {
            if (!tokens.get(j).isComment()) {
                return tokens.get(j).isWord(keyword);
            }
        }
        return false;
    }
}
