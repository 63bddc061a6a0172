package org.migrationharness.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.migrationharness.Severity;

/**
 * The {@code compare:} section of a {@code harness.yaml} (or of {@code service-migrations/harness-defaults.yaml}): how
 * the schema comparisons ({@code down.leaves-trace}, {@code up.reapply-differs}, {@code chain.down-up},
 * {@code idempotency.remigrate}, {@code schema.expected}) weigh a difference that is only where a column stands.
 *
 * <pre>
 * compare:
 *   column-order: warning   # error | warning (the default) | ignore
 * </pre>
 *
 * @param columnOrder what a column that only moved is, or null where the file does not say (the defaults apply)
 */
public record CompareConfig(Level columnOrder) {

    /** What a column that only moved is when no file says. */
    public static final Level DEFAULT_COLUMN_ORDER = Level.WARNING;

    /** How a kind of difference is reported. */
    public enum Level {
        /** A finding of severity error: the check fails. */
        ERROR,
        /** A finding of severity warning: reported, the check passes. */
        WARNING,
        /** No finding. */
        IGNORE;

        /** As written in the file, e.g. {@code warning}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The severity of the finding, or empty for {@link #IGNORE}. */
        public Optional<Severity> severity() {
            return switch (this) {
                case ERROR -> Optional.of(Severity.ERROR);
                case WARNING -> Optional.of(Severity.WARNING);
                case IGNORE -> Optional.empty();
            };
        }

        /** The level written as {@code value}, or empty when it names none. */
        static Optional<Level> byId(String value) {
            return Arrays.stream(values()).filter(l -> l.id().equals(value.strip())).findFirst();
        }

        /** Every level as written in the file: {@code error, warning, ignore}. */
        static String ids() {
            return Arrays.stream(values()).map(Level::id).collect(Collectors.joining(", "));
        }
    }

    /** Nothing said: every setting as its default. */
    public static CompareConfig unset() {
        return new CompareConfig(null);
    }

    /** This file's settings, with what it leaves unsaid taken from {@code fallback} (the repository's defaults). */
    public CompareConfig over(CompareConfig fallback) {
        return new CompareConfig(columnOrder != null ? columnOrder : fallback.columnOrder);
    }

    /** What a column that only moved is: as set here, else {@link #DEFAULT_COLUMN_ORDER}. */
    public Level columnOrderLevel() {
        return columnOrder != null ? columnOrder : DEFAULT_COLUMN_ORDER;
    }
}
