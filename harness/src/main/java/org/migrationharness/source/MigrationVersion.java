package org.migrationharness.source;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A migration version, ordered exactly as Flyway orders them: parts separated by {@code .} or {@code _} compare
 * numerically one by one, so 1.10 comes after 1.9 and 13.1 between 13 and 14; trailing zero parts do not count
 * (1.0 equals 1).
 *
 * @param text the version as written in the file name
 */
public record MigrationVersion(String text) implements Comparable<MigrationVersion> {

    private static final Pattern FORMAT = Pattern.compile("[0-9]+([._][0-9]+)*");

    public MigrationVersion {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a version: '" + text + "' (expected digits separated by . or _)");
        }
    }

    /** Whether {@code text} is a well-formed version. */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    public static MigrationVersion of(String text) {
        return new MigrationVersion(text);
    }

    /** The numeric parts with trailing zeros removed. */
    public List<BigInteger> parts() {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    /** The version as Flyway records it in its history table (underscores become dots). */
    public String flywayText() {
        return text.replace('_', '.');
    }

    @Override
    public int compareTo(MigrationVersion other) {
        List<BigInteger> a = parts();
        List<BigInteger> b = other.parts();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Same version in Flyway's sense (1.0 is 1, 01 is 1). */
    public boolean sameAs(MigrationVersion other) {
        return compareTo(other) == 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
