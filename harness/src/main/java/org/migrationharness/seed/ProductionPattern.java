package org.migrationharness.seed;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;

/**
 * The production pattern of {@link SeedPolicy}: a case-insensitive regex searched for anywhere in a database's name, and
 * where it came from, so that a refusal or a syntax error names the place to change it.
 *
 * @param pattern the compiled pattern
 * @param source the option, system property or environment variable that set it, or null for the default
 */
public record ProductionPattern(Pattern pattern, String source) {

    /** The pattern when nothing sets one. */
    public static final String DEFAULT = "prod";

    /** The command-line option, system property and environment variable that set it, in this order of precedence. */
    public static final String OPTION = "--production-pattern";
    public static final String PROPERTY = "harness.production-pattern";
    public static final String ENVIRONMENT_VARIABLE = "HARNESS_PRODUCTION_PATTERN";

    /** The default pattern, {@value #DEFAULT}. */
    public static ProductionPattern defaults() {
        return compile(DEFAULT, null);
    }

    /**
     * Compiles {@code regex}, case-insensitively.
     *
     * @param source where it came from (e.g. {@code environment variable HARNESS_PRODUCTION_PATTERN}), or null for the
     *        default
     * @throws HarnessException ({@link ErrorCode#USAGE}) when it is no valid regex, naming {@code source}
     */
    public static ProductionPattern compile(String regex, String source) {
        try {
            return new ProductionPattern(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), source);
        } catch (PatternSyntaxException e) {
            throw new HarnessException(ErrorCode.USAGE, "The production pattern '" + regex + "' from " + source
                    + " is not a valid Java regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + ".\n"
                    + "Fix " + source + ": expected a regex found in production database names, e.g. prod or "
                    + "(^|_)prod(uction)?(_|$).\nSee: java -jar migration-harness.jar seed --help");
        }
    }

    /** Whether the pattern is found anywhere in the name. */
    public boolean matches(String databaseName) {
        return pattern.matcher(databaseName).find();
    }

    /** The pattern and where it came from, as a refusal shows it. */
    public String describe() {
        return "'" + pattern.pattern() + "' (" + (source == null ? "the default; set by " + OPTION + " / "
                + PROPERTY + " / " + ENVIRONMENT_VARIABLE : "from " + source) + ")";
    }
}
