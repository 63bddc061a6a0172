package org.migrationharness.schema;

/**
 * One difference between two snapshots, as a reviewer would note it.
 *
 * <p>Either a property that differs ({@code left} and {@code right} both set; {@value #NONE} stands for "not set"),
 * or something present on one side only (the other side is {@code null}). {@code property} is null when a whole
 * object is present on one side only; for a part of an object it names the part, e.g. {@code column status} or
 * {@code column status: default}.
 *
 * @param object the object, e.g. {@code table accounts} or {@code type account_tier}
 * @param property the property or part, e.g. {@code column status: default}, or null for the object itself
 * @param left the value on the left (e.g. "before") side, or null when the object or part is absent there
 * @param right the value on the right (e.g. "after") side, or null when the object or part is absent there
 * @param kind what sort of difference it is: a definition, or only where a table's columns stand
 */
public record Difference(String object, String property, String left, String right, Kind kind) {

    /**
     * What sort of difference this is, so that a check can weigh each sort on its own: a column that moved is not a
     * column that changed.
     */
    public enum Kind {
        /** What an object is or holds: present or absent, a property, a part. */
        DEFINITION,
        /**
         * Only the position of a table's or view's columns ({@code column order}): a down that drops a column and an up
         * that adds it back put it last. The attribute order of a composite type stays a {@link #DEFINITION}.
         */
        COLUMN_ORDER
    }

    /** A difference of definition ({@link Kind#DEFINITION}). */
    public Difference(String object, String property, String left, String right) {
        this(object, property, left, right, Kind.DEFINITION);
    }

    /** How a property that is not set reads. */
    public static final String NONE = "(none)";

    /** The value of a present object that has nothing more to say about itself. */
    public static final String PRESENT = "present";

    private static final int SHORT = 80;
    private static final int CONTEXT = 24;

    /**
     * This difference as one line, e.g. {@code table accounts: column status: default 'active'::text -> (none)} or
     * {@code type account_tier: present after, absent before}. Multi-line values (view and function bodies) are shown
     * with runs of white space collapsed, and long ones only around the part that differs.
     *
     * @param leftLabel what the left side is called, e.g. {@code before} or {@code expected}
     * @param rightLabel what the right side is called, e.g. {@code after} or {@code actual}
     */
    public String text(String leftLabel, String rightLabel) {
        String prefix = property == null ? object : object + ": " + property;
        if (left == null) {
            return prefix + ": present " + rightLabel + ", absent " + leftLabel + detail(right);
        }
        if (right == null) {
            return prefix + ": present " + leftLabel + ", absent " + rightLabel + detail(left);
        }
        String a = left;
        String b = right;
        if (a.length() > SHORT || b.length() > SHORT || a.contains("\n") || b.contains("\n")) {
            a = a.strip().replaceAll("\\s+", " ");
            b = b.strip().replaceAll("\\s+", " ");
            if (a.length() <= SHORT && b.length() <= SHORT) {
                return prefix + " " + a + " -> " + b;
            }
            int prefixLength = 0;
            int max = Math.min(a.length(), b.length());
            while (prefixLength < max && a.charAt(prefixLength) == b.charAt(prefixLength)) {
                prefixLength++;
            }
            int suffixLength = 0;
            while (suffixLength < max - prefixLength
                    && a.charAt(a.length() - 1 - suffixLength) == b.charAt(b.length() - 1 - suffixLength)) {
                suffixLength++;
            }
            int from = Math.max(0, prefixLength - CONTEXT);
            a = excerpt(a, from, Math.min(a.length(), a.length() - suffixLength + CONTEXT));
            b = excerpt(b, from, Math.min(b.length(), b.length() - suffixLength + CONTEXT));
        }
        return prefix + " " + a + " -> " + b;
    }

    private static String excerpt(String value, int from, int to) {
        return (from > 0 ? "..." : "") + value.substring(from, to) + (to < value.length() ? "..." : "");
    }

    private static String detail(String value) {
        return value.equals(PRESENT) ? "" : " (" + value.strip().replaceAll("\\s+", " ") + ")";
    }
}
