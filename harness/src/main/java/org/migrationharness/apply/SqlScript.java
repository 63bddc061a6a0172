package org.migrationharness.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL script into statements the way the server reads them: semicolons inside string literals
 * ({@code '...'}, {@code E'...'}), quoted identifiers, dollar-quoted bodies ({@code $$...$$}, {@code $fn$...$fn$}),
 * line comments and nested block comments do not end a statement, nor do semicolons inside a
 * {@code BEGIN ATOMIC ... END} function body.
 */
public final class SqlScript {

    private SqlScript() {
    }

    public static List<SqlStatement> split(String script) {
        List<SqlStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = 0;
        int i = 0;
        int n = script.length();
        int atomicDepth = 0;
        StringBuilder word = new StringBuilder();
        String previousWord = "";
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (startLine > 0) {
                    current.append(script, i, end);
                }
                i = end;
                continue;
            }
            if (c == '/' && next == '*') {
                int depth = 0;
                int j = i;
                while (j < n) {
                    if (script.startsWith("/*", j)) {
                        depth++;
                        j += 2;
                    } else if (script.startsWith("*/", j)) {
                        depth--;
                        j += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        if (script.charAt(j) == '\n') {
                            line++;
                        }
                        j++;
                    }
                }
                if (startLine > 0) {
                    current.append(script, i, j);
                }
                i = j;
                continue;
            }
            if (!Character.isWhitespace(c) && startLine == 0) {
                startLine = line;
            }
            if (c == '\'' || c == '"') {
                boolean escapes = c == '\'' && i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)));
                int j = i + 1;
                while (j < n) {
                    char d = script.charAt(j);
                    if (d == '\n') {
                        line++;
                    }
                    if (escapes && d == '\\') {
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        if (j + 1 < n && script.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                j = Math.min(j + 1, n);
                current.append(script, i, j);
                i = j;
                endWord(word);
                continue;
            }
            if (c == '$') {
                String tag = dollarTag(script, i);
                if (tag != null) {
                    int end = script.indexOf(tag, i + tag.length());
                    end = end < 0 ? n : end + tag.length();
                    for (int k = i; k < end; k++) {
                        if (script.charAt(k) == '\n') {
                            line++;
                        }
                    }
                    current.append(script, i, end);
                    i = end;
                    endWord(word);
                    continue;
                }
            }
            if (Character.isLetterOrDigit(c) || c == '_') {
                word.append(c);
            } else if (word.length() > 0) {
                String w = word.toString().toUpperCase(java.util.Locale.ROOT);
                if (w.equals("ATOMIC") && previousWord.equals("BEGIN")) {
                    atomicDepth++;
                } else if ((w.equals("CASE")) && atomicDepth > 0) {
                    atomicDepth++;
                } else if (w.equals("END") && atomicDepth > 0) {
                    atomicDepth--;
                }
                previousWord = w;
                word.setLength(0);
            }
            if (c == ';' && atomicDepth == 0) {
                add(statements, current, startLine);
                current.setLength(0);
                startLine = 0;
                previousWord = "";
                i++;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            current.append(c);
            i++;
        }
        add(statements, current, startLine);
        return statements;
    }

    private static void endWord(StringBuilder word) {
        word.setLength(0);
    }

    private static void add(List<SqlStatement> statements, StringBuilder current, int startLine) {
        String sql = current.toString();
        if (!withoutComments(sql).isBlank()) {
            statements.add(new SqlStatement(sql.strip(), startLine));
        }
    }

    /** The dollar-quote tag starting at {@code i} ({@code $$} or {@code $name$}), or null. */
    private static String dollarTag(String script, int i) {
        if (i > 0) {
            char before = script.charAt(i - 1);
            if (Character.isLetterOrDigit(before) || before == '_') {
                return null;
            }
        }
        int j = i + 1;
        while (j < script.length()) {
            char d = script.charAt(j);
            if (d == '$') {
                String tag = script.substring(i, j + 1);
                return tag.length() == 2 || !Character.isDigit(tag.charAt(1)) ? tag : null;
            }
            if (!(Character.isLetterOrDigit(d) || d == '_')) {
                return null;
            }
            j++;
        }
        return null;
    }

    /** The text with line and block comments removed (strings are not interpreted: for classification only). */
    static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
    }
}
