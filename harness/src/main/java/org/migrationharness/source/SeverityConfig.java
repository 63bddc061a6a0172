package org.migrationharness.source;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.migrationharness.CheckId;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;

/**
 * The {@code severity:} key of a {@code harness.yaml} (or of {@code service-migrations/harness-defaults.yaml}): the
 * severity of every finding of a check, or of one lint rule, instead of the harness's own.
 *
 * <pre>
 * severity:
 *   risk.lock: warning          # error | warning | info | off (no finding)
 *   lint.rename: off
 * </pre>
 *
 * @param levels the level per check id, as written
 */
public record SeverityConfig(Map<String, Level> levels) {

    /** The prefixes of the harness's own ids: a key with one of them must be an id the harness knows. */
    private static final java.util.List<String> OWN_PREFIXES = java.util.List.of("up.", "down.", "chain.",
            "idempotency.", "schema.", "seed.", "naming.", "order.", "history.", "risk.", "data.", "lint.");

    public SeverityConfig {
        levels = levels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    /** What a finding of a check becomes. */
    public enum Level {
        ERROR, WARNING, INFO, OFF;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String ids() {
            return Arrays.stream(values()).map(Level::id).collect(Collectors.joining(", "));
        }
    }

    public static SeverityConfig unset() {
        return new SeverityConfig(Map.of());
    }

    /**
     * The severity a finding of {@code check} has: the configured one, the same as {@code found} when nothing is
     * configured, or empty when the check is turned off. A finding the harness reports as info (an allowed one) stays
     * info.
     */
    public Optional<Severity> of(String check, Severity found) {
        Level level = levels.get(check);
        if (level == null || found == Severity.INFO) {
            return Optional.of(found);
        }
        return switch (level) {
            case ERROR -> Optional.of(Severity.ERROR);
            case WARNING -> Optional.of(Severity.WARNING);
            case INFO -> Optional.of(Severity.INFO);
            case OFF -> Optional.empty();
        };
    }

    /** This configuration over {@code fallback}, check by check. */
    public SeverityConfig over(SeverityConfig fallback) {
        Map<String, Level> merged = new LinkedHashMap<>(fallback.levels);
        merged.putAll(levels);
        return new SeverityConfig(merged);
    }

    /** The {@code severity:} map of {@code file}, each key a check id and each value a level. */
    static SeverityConfig from(Map<String, String> keys, Path file,
                               java.util.function.ToIntFunction<java.util.List<String>> lineOf) {
        if (keys == null) {
            return unset();
        }
        Map<String, Level> levels = new LinkedHashMap<>();
        keys.forEach((check, value) -> {
            int line = lineOf.applyAsInt(java.util.List.of("severity", check));
            boolean own = OWN_PREFIXES.stream().anyMatch(check::startsWith);
            if (own && CheckId.explained().stream().noneMatch(c -> c.id().equals(check))) {
                throw new HarnessException(ErrorCode.INPUT, "Unknown check '" + check + "' under severity: in " + file
                        + (line > 0 ? " (line " + line + ")" : "") + ".\nKnown checks: " + CheckId.explained().stream()
                        .map(CheckId::id).collect(Collectors.joining(", ")) + ".", file, line, null);
            }
            Level level = value == null ? null : Arrays.stream(Level.values())
                    .filter(l -> l.id().equals(value.strip().toLowerCase(Locale.ROOT))).findFirst().orElse(null);
            if (level == null) {
                throw new HarnessException(ErrorCode.INPUT, "Unknown severity '" + value + "' for " + check + " in "
                        + file + (line > 0 ? " (line " + line + ")" : "") + ".\nExpected one of: " + Level.ids()
                        + " (off: no finding).", file, line, null);
            }
            levels.put(check, level);
        });
        return new SeverityConfig(levels);
    }
}
