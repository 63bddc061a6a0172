package org.migrationharness.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Looks a setting up in the harness's one order of precedence: an explicit value (a CLI option or an annotation
 * attribute) first, then a JVM system property, then an environment variable, then the default.
 *
 * <p>Risky switches (writing expectations, seeding production) are never read from here: they must be explicit.
 */
public final class Settings {

    private final Function<String, Value> explicit;
    private final Properties systemProperties;
    private final Map<String, String> environment;

    public Settings(Function<String, String> explicit, Properties systemProperties, Map<String, String> environment) {
        this(systemProperties, environment, option -> {
            String value = explicit.apply(option);
            return value == null ? null : new Value(value, option);
        });
    }

    private Settings(Properties systemProperties, Map<String, String> environment, Function<String, Value> explicit) {
        this.explicit = explicit;
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /**
     * Settings read from this JVM's system properties and environment, with explicit values first that say where they
     * came from themselves (an annotation attribute, a JUnit configuration parameter), for the error messages.
     *
     * @param explicit the value of an option key (e.g. {@code --postgres}), or null
     */
    public static Settings fromSystemWithSources(Function<String, Value> explicit) {
        return new Settings(System.getProperties(), System.getenv(), explicit);
    }

    /** Settings read from this JVM's system properties and environment, with the given explicit values first. */
    public static Settings fromSystem(Function<String, String> explicit) {
        return new Settings(explicit, System.getProperties(), System.getenv());
    }

    /** Settings read from this JVM's system properties and environment only. */
    public static Settings fromSystem() {
        return fromSystem(key -> null);
    }

    /**
     * The value of a setting.
     *
     * @param option the explicit key (e.g. {@code --postgres}), looked up in the explicit values
     * @param property the system property (e.g. {@code harness.postgres})
     * @param env the environment variable (e.g. {@code HARNESS_POSTGRES})
     */
    public Optional<Value> get(String option, String property, String env) {
        Value given = option == null ? null : explicit.apply(option);
        if (given != null && present(given.value())) {
            return Optional.of(new Value(given.value().trim(), given.source()));
        }
        String value = property == null ? null : systemProperties.getProperty(property);
        if (present(value)) {
            return Optional.of(new Value(value.trim(), "system property " + property));
        }
        value = env == null ? null : environment.get(env);
        if (present(value)) {
            return Optional.of(new Value(value.trim(), "environment variable " + env));
        }
        return Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** A setting's value and where it came from, so that an error can name the place to fix. */
    public record Value(String value, String source) {
    }
}
