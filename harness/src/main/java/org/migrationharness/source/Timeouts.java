package org.migrationharness.source;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.internal.Settings;

/**
 * How long one statement of a migration may run, and how long it may wait for a lock, before the server cancels it:
 * PostgreSQL's {@code statement_timeout} and {@code lock_timeout}, set on every connection that runs a script. A
 * migration that never ends then fails with a finding instead of hanging the run. {@link Duration#ZERO} means no limit.
 *
 * @param statement the statement timeout, or null when not set here (the next level of settings decides)
 * @param lock the lock timeout, or null when not set here
 */
public record Timeouts(Duration statement, Duration lock) {

    /** The key (in {@code harness.yaml}) and option suffix of the statement timeout. */
    public static final String STATEMENT_KEY = "statement-timeout";

    /** The key (in {@code harness.yaml}) and option suffix of the lock timeout. */
    public static final String LOCK_KEY = "lock-timeout";

    /** Generous defaults: no real migration statement should run 5 minutes, nor wait a minute for a lock on a test server. */
    public static final Timeouts DEFAULTS = new Timeouts(Duration.ofMinutes(5), Duration.ofMinutes(1));

    /** Nothing set: every value comes from the next level. */
    public static final Timeouts UNSET = new Timeouts(null, null);

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(us|ms|s|min|h|d)?");

    /**
     * The run's timeouts from the settings, in their precedence: the option ({@code --statement-timeout}), the system
     * property ({@code harness.statement-timeout}), the environment variable ({@code HARNESS_STATEMENT_TIMEOUT});
     * likewise for the lock timeout. What none of them sets stays unset (harness.yaml, then the defaults decide).
     */
    public static Timeouts resolve(Settings settings) {
        return new Timeouts(setting(settings, STATEMENT_KEY), setting(settings, LOCK_KEY));
    }

    private static Duration setting(Settings settings, String key) {
        return settings.get("--" + key, "harness." + key, "HARNESS_" + key.replace('-', '_').toUpperCase(Locale.ROOT))
                .map(v -> parse(v.value(), v.source()))
                .orElse(null);
    }

    /** These values where set, else {@code fallback}'s. */
    public Timeouts over(Timeouts fallback) {
        return new Timeouts(statement != null ? statement : fallback.statement,
                lock != null ? lock : fallback.lock);
    }

    /** These values over the defaults: never null. */
    public Timeouts effective() {
        return over(DEFAULTS);
    }

    /**
     * Parses a duration as PostgreSQL writes one: {@code 500ms}, {@code 5s}, {@code 2min}, {@code 1h}, {@code 1d}
     * ({@code us} too); a plain number is milliseconds, as for {@code statement_timeout}; {@code 0} means no limit.
     *
     * @param source where the value came from (an option, a file and key), named in the error
     * @throws HarnessException with {@link ErrorCode#INPUT} naming the source when the value is not such a duration
     */
    public static Duration parse(String value, String source) {
        Matcher matcher = DURATION.matcher(value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new HarnessException(ErrorCode.INPUT, "'" + value + "' (from " + source + ") is not a duration.\n"
                    + "Write it as PostgreSQL does: 500ms, 5s, 2min, 1h (a plain number is milliseconds; 0 = no limit).");
        }
        long amount;
        try {
            amount = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            amount = Long.MAX_VALUE / 1_000_000_000L;
        }
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        Duration duration = switch (unit) {
            case "us" -> Duration.ofNanos(amount * 1000);
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(Math.min(amount, 1_000_000));
        };
        if (duration.toMillis() > Integer.MAX_VALUE) {
            throw new HarnessException(ErrorCode.INPUT, "'" + value + "' (from " + source + ") is longer than PostgreSQL"
                    + " allows for a timeout (about 24 days).\nGive a shorter one, or 0 for no limit.");
        }
        return duration;
    }

    /** A duration as PostgreSQL writes it, in the largest unit that divides it: {@code 5min}, {@code 1500ms}, {@code 0}. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms == 0) {
            return "0";
        }
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /** The {@code SET} statements that apply these (effective) timeouts to a session. */
    public String setStatements() {
        Timeouts t = effective();
        return "SET statement_timeout = " + t.statement.toMillis() + "; SET lock_timeout = " + t.lock.toMillis();
    }
}
