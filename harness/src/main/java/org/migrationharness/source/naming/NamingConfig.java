package org.migrationharness.source.naming;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.Severity;

/**
 * The {@code naming:} section of a {@code harness.yaml} (or of {@code service-migrations/harness-defaults.yaml}):
 * per-rule settings and suppressions.
 *
 * <pre>
 * naming:
 *   rules:
 *     index-prefix: {pattern: "idx_{table}_.*", severity: warning}
 *     no-version-gaps: {enabled: true}
 *   suppress:
 *     - {rule: index-prefix, object: "index order_service.orders_status", reason: "name fixed by the Alembic history"}
 *   since: 41          # the baseline: migrations up to 41 are in production, only those after it are checked
 * </pre>
 *
 * @param rules what the file says about each rule it names
 * @param suppressions the objects each rule leaves alone
 * @param since the baseline ({@code since: 41}): the migrations up to it are not held to the rules; null for none
 */
public record NamingConfig(Map<NamingRule, RuleSettings> rules, List<Suppression> suppressions, Baseline since) {

    public NamingConfig {
        Map<NamingRule, RuleSettings> copy = new EnumMap<>(NamingRule.class);
        if (rules != null) {
            copy.putAll(rules);
        }
        rules = java.util.Collections.unmodifiableMap(copy);
        suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
    }

    /** Settings without a baseline. */
    public NamingConfig(Map<NamingRule, RuleSettings> rules, List<Suppression> suppressions) {
        this(rules, suppressions, null);
    }

    /** No settings: every rule as {@link NamingRule} defines it. */
    public static NamingConfig defaults() {
        return new NamingConfig(Map.of(), List.of());
    }

    /** This (a service's) configuration over {@code fallback} (the repository's defaults): per rule, per setting. */
    public NamingConfig over(NamingConfig fallback) {
        if (fallback == null) {
            return this;
        }
        Map<NamingRule, RuleSettings> merged = new EnumMap<>(NamingRule.class);
        merged.putAll(fallback.rules);
        rules.forEach((rule, settings) -> merged.put(rule, settings.over(fallback.rules.get(rule))));
        List<Suppression> all = new ArrayList<>(fallback.suppressions);
        all.addAll(suppressions);
        return new NamingConfig(merged, all, since != null ? since : fallback.since);
    }

    /** The rule as it applies. */
    public Rule rule(NamingRule rule) {
        RuleSettings settings = rules.get(rule);
        RuleSettings given = settings == null ? new RuleSettings(null, null, null, null) : settings;
        return new Rule(rule, given.enabled() != null ? given.enabled() : rule.enabledByDefault(),
                given.pattern() != null ? given.pattern() : rule.defaultPattern(),
                given.severity() != null ? given.severity() : rule.defaultSeverity(),
                given.acceptGenerated() != null ? given.acceptGenerated() : rule.judgesGeneratedNames());
    }

    /** The suppression of {@code rule} for {@code object}, if there is one. */
    public Optional<Suppression> suppression(NamingRule rule, String object) {
        return suppressions.stream().filter(s -> s.rule() == rule && s.object().equals(object)).findFirst();
    }

    /** The keys of the {@code naming:} section, as Jackson binds them (unknown keys fail the binding). */
    public record Keys(@JsonProperty("rules") Map<String, RuleKeys> rules,
                       @JsonProperty("suppress") List<SuppressionKeys> suppress,
                       @JsonProperty("since") String since) {
    }

    /** The keys of one rule. */
    public record RuleKeys(@JsonProperty("enabled") Boolean enabled, @JsonProperty("pattern") String pattern,
                           @JsonProperty("severity") String severity,
                           @JsonProperty("accept-generated") Boolean acceptGenerated) {
    }

    /** The keys of one suppression. */
    public record SuppressionKeys(@JsonProperty("rule") String rule, @JsonProperty("object") String object,
                                  @JsonProperty("reason") String reason) {
    }

    /**
     * Checks and converts what Jackson bound from {@code file}.
     *
     * @param suppressionsAllowed false for the repository-wide defaults: a suppression names one service's object
     * @throws HarnessException with {@link ErrorCode#INPUT} naming the key, the file and the line
     */
    public static NamingConfig from(Keys keys, Path file, boolean suppressionsAllowed) {
        if (keys == null) {
            return defaults();
        }
        Map<NamingRule, RuleSettings> rules = new LinkedHashMap<>();
        if (keys.rules() != null) {
            for (Map.Entry<String, RuleKeys> entry : keys.rules().entrySet()) {
                NamingRule rule = known(entry.getKey(), file, entry.getKey(), "naming.rules");
                rules.put(rule, settings(rule, entry.getValue(), file));
            }
        }
        List<Suppression> suppressions = new ArrayList<>();
        if (keys.suppress() != null && !keys.suppress().isEmpty()) {
            if (!suppressionsAllowed) {
                throw error(file, "suppress", "'naming.suppress' is not allowed in " + file
                        + ": a suppression names one service's object.\nMove it to that service's harness.yaml.");
            }
            for (SuppressionKeys s : keys.suppress()) {
                if (s == null || blank(s.rule()) || blank(s.object()) || blank(s.reason())) {
                    String near = s == null ? "suppress" : firstNonBlank(s.object(), s.rule(), "suppress");
                    throw error(file, near, "A suppression in " + file + lineText(file, near)
                            + " needs a rule, an object and a reason.\nWrite it like:\n"
                            + "  - {rule: index-prefix, object: \"index order_service.orders_status\", reason: \"name kept"
                            + " for the reporting tool\"}");
                }
                NamingRule rule = known(s.rule(), file, s.rule(), "naming.suppress[].rule");
                suppressions.add(new Suppression(rule, s.object().strip(), s.reason().strip(), file,
                        YamlLines.lineContaining(file, s.object().strip())));
            }
        }
        Baseline since = null;
        if (keys.since() != null) {
            if (!suppressionsAllowed) {
                throw error(file, "since", "'naming.since' is not allowed in " + file + lineText(file, "since")
                        + ": a baseline names one service's version.\nMove it to that service's harness.yaml.");
            }
            since = new Baseline(keys.since().strip(), "naming.since", file, YamlLines.wordKeyLine(file, "since"));
        }
        Map<NamingRule, RuleSettings> typed = new EnumMap<>(NamingRule.class);
        typed.putAll(rules);
        return new NamingConfig(typed, suppressions, since);
    }

    private static NamingRule known(String id, Path file, String near, String where) {
        return NamingRule.byId(id).orElseThrow(() -> error(file, near, "Unknown naming rule '" + id + "' in " + file
                + lineText(file, near) + " (" + where + ").\nKnown rules: " + String.join(", ", NamingRule.ids()) + "."));
    }

    private static RuleSettings settings(NamingRule rule, RuleKeys keys, Path file) {
        if (keys == null) {
            return new RuleSettings(null, null, null, null);
        }
        String at = rule.id();
        if (keys.pattern() != null) {
            if (!rule.hasPattern()) {
                throw error(file, at, "Rule " + rule.id() + " in " + file + lineText(file, at) + " has no pattern to"
                        + " change.\nRemove 'pattern'; rules with a pattern: " + String.join(", ", withPattern()) + ".");
            }
            if (keys.pattern().contains("{table}") && !rule.hasTablePlaceholder()) {
                throw error(file, at, "The pattern of rule " + rule.id() + " in " + file + lineText(file, at)
                        + " uses {table}, but its objects belong to no table.\nRemove {table} from the pattern.");
            }
            try {
                Pattern.compile(keys.pattern().replace("{table}", "t"));
            } catch (PatternSyntaxException e) {
                throw error(file, at, "The pattern of rule " + rule.id() + " in " + file + lineText(file, at)
                        + " is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex()
                        + ".\nExpected a Java regular expression that matches whole names, e.g. \"idx_{table}_.*\".");
            }
        }
        if (keys.acceptGenerated() != null && !rule.judgesGeneratedNames()) {
            throw error(file, at, "Rule " + rule.id() + " in " + file + lineText(file, at)
                    + " judges no name PostgreSQL generates.\nRemove 'accept-generated'.");
        }
        Severity severity = null;
        if (keys.severity() != null) {
            try {
                severity = Severity.valueOf(keys.severity().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(file, at, "Unknown severity '" + keys.severity() + "' for rule " + rule.id() + " in " + file
                        + lineText(file, at) + ".\nUse error, warning or info.");
            }
        }
        return new RuleSettings(keys.enabled(), keys.pattern(), severity, keys.acceptGenerated());
    }

    private static List<String> withPattern() {
        return java.util.Arrays.stream(NamingRule.values()).filter(NamingRule::hasPattern).map(NamingRule::id).toList();
    }

    private static HarnessException error(Path file, String near, String message) {
        return new HarnessException(ErrorCode.INPUT, message, file, YamlLines.keyLine(file, near), null);
    }

    private static String lineText(Path file, String near) {
        int line = YamlLines.keyLine(file, near);
        return line > 0 ? " (line " + line + ")" : "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return v;
            }
        }
        return "";
    }

    /** Finds lines in a YAML file for messages. */
    static final class YamlLines {

        private YamlLines() {
        }

        /** The line where {@code key:} (or failing that, the text) first stands, or 0. */
        static int keyLine(Path file, String key) {
            List<String> lines = lines(file);
            Pattern pattern = Pattern.compile("^\\s*(-\\s*)?\\{?\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:.*");
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).matches()) {
                    return i + 1;
                }
            }
            return lineContaining(file, key);
        }

        /** The line of {@code key:} standing as a word, on its own line or inline ({@code naming: {since: 41}}), or 0. */
        static int wordKeyLine(Path file, String key) {
            List<String> lines = lines(file);
            Pattern pattern = Pattern.compile(".*(?<![\\w-])[\"']?" + Pattern.quote(key) + "[\"']?\\s*:.*");
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().startsWith("#") && pattern.matcher(lines.get(i)).matches()) {
                    return i + 1;
                }
            }
            return 0;
        }

        /** The first line that holds {@code text}, or 0. */
        static int lineContaining(Path file, String text) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            return 0;
        }

        private static List<String> lines(Path file) {
            if (file == null) {
                return List.of();
            }
            try {
                return Files.readAllLines(file);
            } catch (IOException e) {
                return List.of();
            }
        }
    }
}
