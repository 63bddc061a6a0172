package org.migrationharness.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/**
 * The {@code risk:} key of a {@code harness.yaml} (or of {@code service-migrations/harness-defaults.yaml}): whether the
 * measured risk checks run ({@code risk.lock}, {@code risk.rewrite}, {@code risk.scan}, {@code data.rollback-loss}),
 * and how. {@code verify --risk} turns them on for every set of the run.
 *
 * <pre>
 * risk: true                    # on, with the defaults below
 * risk:
 *   rows: 50000                 # rows in each existing table before a measured migration (synthetic where no seed)
 *   production-rows: 10000000   # the size a measured time is projected to (linear)
 *   max-lock: 1s                # longest a lock that blocks reads or writes may be held at that size
 * </pre>
 *
 * @param enabled true or false where the file says, null where it does not
 * @param rows rows per existing table, or null for {@link #DEFAULT_ROWS}
 * @param productionRows the projected table size, or null for {@link #DEFAULT_PRODUCTION_ROWS}
 * @param maxLock the longest blocking lock at production size, or null for {@link #DEFAULT_MAX_LOCK}
 */
public record RiskConfig(Boolean enabled, Integer rows, Long productionRows, Duration maxLock) {

    public static final int DEFAULT_ROWS = 50_000;
    public static final long DEFAULT_PRODUCTION_ROWS = 10_000_000L;
    public static final Duration DEFAULT_MAX_LOCK = Duration.ofSeconds(1);

    /** Nothing said. */
    public static RiskConfig unset() {
        return new RiskConfig(null, null, null, null);
    }

    /** Whether the measured checks run for the set (the run's {@code --risk} aside). */
    public boolean on() {
        return Boolean.TRUE.equals(enabled);
    }

    public int rowsOrDefault() {
        return rows == null ? DEFAULT_ROWS : rows;
    }

    public long productionRowsOrDefault() {
        return productionRows == null ? DEFAULT_PRODUCTION_ROWS : productionRows;
    }

    public Duration maxLockOrDefault() {
        return maxLock == null ? DEFAULT_MAX_LOCK : maxLock;
    }

    /** This configuration, its unset parts taken from {@code fallback} (the repository's defaults). */
    public RiskConfig over(RiskConfig fallback) {
        return new RiskConfig(enabled != null ? enabled : fallback.enabled, rows != null ? rows : fallback.rows,
                productionRows != null ? productionRows : fallback.productionRows,
                maxLock != null ? maxLock : fallback.maxLock);
    }

    /** This configuration turned on (the run's {@code --risk}). */
    public RiskConfig turnedOn() {
        return new RiskConfig(true, rows, productionRows, maxLock);
    }

    /** The {@code risk:} value of {@code file}: a boolean or a map of the keys above; null gives {@link #unset()}. */
    static RiskConfig from(JsonNode node, Path file, java.util.function.ToIntFunction<java.util.List<String>> lineOf) {
        if (node == null || node.isNull()) {
            return unset();
        }
        if (node.isBoolean()) {
            return new RiskConfig(node.booleanValue(), null, null, null);
        }
        if (!node.isObject()) {
            throw error(file, lineOf.applyAsInt(java.util.List.of("risk")), "risk: must be true, false or a map, not '"
                    + node.asText() + "'");
        }
        Boolean enabled = true;
        Integer rows = null;
        Long production = null;
        Duration maxLock = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            int line = lineOf.applyAsInt(java.util.List.of("risk", field.getKey()));
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "enabled" -> {
                    if (!value.isBoolean()) {
                        throw error(file, line, "risk.enabled must be true or false, not '" + value.asText() + "'");
                    }
                    enabled = value.booleanValue();
                }
                case "rows" -> rows = (int) positive(value, "risk.rows", file, line, 1_000_000_000L);
                case "production-rows" -> production = positive(value, "risk.production-rows", file, line, Long.MAX_VALUE);
                case "max-lock" -> maxLock = Timeouts.parse(value.asText(), file + " key risk.max-lock");
                default -> throw error(file, line, "Unknown key 'risk." + field.getKey()
                        + "'.\nKnown keys there: enabled, max-lock, production-rows, rows. Remove or rename it.");
            }
        }
        return new RiskConfig(enabled, rows, production, maxLock);
    }

    private static long positive(JsonNode value, String key, Path file, int line, long max) {
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 1 || value.longValue() > max) {
            throw error(file, line, key + " must be a whole number from 1 to " + max + ", not '" + value.asText() + "'");
        }
        return value.longValue();
    }

    private static HarnessException error(Path file, int line, String message) {
        int newline = message.indexOf('\n');
        String head = newline < 0 ? message : message.substring(0, newline);
        String rest = newline < 0 ? "\nExample:\n  risk:\n    rows: 50000\n    production-rows: 10000000\n    max-lock: 1s"
                : message.substring(newline);
        return new HarnessException(ErrorCode.INPUT, head + " in " + file + (line > 0 ? " (line " + line + ")" : "")
                + "." + rest, file, line, null);
    }
}
