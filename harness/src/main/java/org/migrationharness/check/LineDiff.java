package org.migrationharness.check;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines, for findings: the longest common subsequence of the lines (after the common
 * head and tail are set aside), hunks with up to three lines of context, and at most a given number of output lines.
 * Line endings are normalised first ({@code \r\n} and {@code \r} read as {@code \n}), so a file only converted to other
 * line endings shows no difference.
 */
final class LineDiff {

    /** Lines of context around a change. */
    static final int CONTEXT = 3;

    /** Above this many cells (lines before x lines after, between the common head and tail) the diff is not searched. */
    private static final long MAX_CELLS = 4_000_000L;

    private LineDiff() {
    }

    /** The text with its line endings made {@code \n}. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Whether the texts are equal once their line endings are normalised. */
    static boolean sameText(String before, String after) {
        return normalise(before).equals(normalise(after));
    }

    /**
     * A unified diff: {@code --- from}, {@code +++ to}, then {@code @@ -a,b +c,d @@} hunks. Line numbers start at
     * {@code firstLineBefore} / {@code firstLineAfter} (a script that starts further down its file). Empty when the
     * texts are equal once line endings are normalised.
     *
     * @param maxLines the most lines to return; a longer diff ends with {@code ... (N more lines)}
     */
    static String unified(String before, String after, String from, String to, int firstLineBefore, int firstLineAfter,
                          int maxLines) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = ops(a, b);
        if (ops.stream().allMatch(op -> op.kind == ' ')) {
            return "";
        }
        List<String> out = new ArrayList<>();
        out.add("--- " + from);
        out.add("+++ " + to);
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            // a hunk: from CONTEXT lines before this change to CONTEXT lines after the last change that is near it
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int j = i;
            while (j < ops.size()) {
                if (ops.get(j).kind != ' ') {
                    end = j;
                    j++;
                } else {
                    int k = j;
                    while (k < ops.size() && ops.get(k).kind == ' ') {
                        k++;
                    }
                    if (k < ops.size() && k - j <= 2 * CONTEXT) {
                        j = k;
                    } else {
                        break;
                    }
                }
            }
            int stop = Math.min(ops.size(), end + 1 + CONTEXT);
            int countA = 0;
            int countB = 0;
            for (int k = start; k < stop; k++) {
                countA += ops.get(k).kind != '+' ? 1 : 0;
                countB += ops.get(k).kind != '-' ? 1 : 0;
            }
            Op first = ops.get(start);
            out.add("@@ -" + range(first.lineA + firstLineBefore, countA) + " +" + range(first.lineB + firstLineAfter, countB)
                    + " @@");
            for (int k = start; k < stop; k++) {
                out.add(ops.get(k).kind + ops.get(k).text);
            }
            i = stop;
        }
        if (out.size() > maxLines) {
            int more = out.size() - (maxLines - 1);
            out = new ArrayList<>(out.subList(0, maxLines - 1));
            out.add("... (" + more + " more lines)");
        }
        return String.join("\n", out);
    }

    /** {@code start,count} as unified diffs write it ({@code start-1,0} for an empty side). */
    private static String range(int start, int count) {
        return count == 0 ? (start - 1) + ",0" : count == 1 ? String.valueOf(start) : start + "," + count;
    }

    /** The lines of a text; a final line ending ends the last line and starts none. */
    static List<String> lines(String text) {
        String normal = normalise(text);
        if (normal.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(normal.split("\n", -1)));
        if (normal.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** One line of the diff: kept ({@code ' '}), removed ({@code '-'}) or added ({@code '+'}), with 0-based indexes. */
    private record Op(char kind, String text, int lineA, int lineB) {
    }

    /** The edit script from a to b. */
    private static List<Op> ops(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            ops.add(new Op(' ', a.get(k), k, k));
        }
        int n = a.size() - head - tail;
        int m = b.size() - head - tail;
        if ((long) n * m > MAX_CELLS) {
            // too large to search: every middle line removed, then every one added
            for (int k = 0; k < n; k++) {
                ops.add(new Op('-', a.get(head + k), head + k, head));
            }
            for (int k = 0; k < m; k++) {
                ops.add(new Op('+', b.get(head + k), head + n, head + k));
            }
        } else {
            // lcs[x][y]: the longest common subsequence of a's middle from x and b's middle from y
            int[][] lcs = new int[n + 1][m + 1];
            for (int x = n - 1; x >= 0; x--) {
                for (int y = m - 1; y >= 0; y--) {
                    lcs[x][y] = a.get(head + x).equals(b.get(head + y)) ? lcs[x + 1][y + 1] + 1
                            : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < n || y < m) {
                if (x < n && y < m && a.get(head + x).equals(b.get(head + y))) {
                    ops.add(new Op(' ', a.get(head + x), head + x, head + y));
                    x++;
                    y++;
                } else if (y < m && (x == n || lcs[x][y + 1] > lcs[x + 1][y])) {
                    ops.add(new Op('+', b.get(head + y), head + x, head + y));
                    y++;
                } else {
                    ops.add(new Op('-', a.get(head + x), head + x, head + y));
                    x++;
                }
            }
        }
        for (int k = 0; k < tail; k++) {
            ops.add(new Op(' ', a.get(a.size() - tail + k), a.size() - tail + k, b.size() - tail + k));
        }
        return ops;
    }
}
