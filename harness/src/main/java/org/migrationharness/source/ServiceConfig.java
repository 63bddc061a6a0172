package org.migrationharness.source;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.migrationharness.ErrorCode;
import org.migrationharness.HarnessException;
import org.migrationharness.source.naming.Baseline;
import org.migrationharness.source.naming.NamingConfig;

/**
 * A service's {@code harness.yaml}: how its migrations are applied. Every key is optional; an unknown key is an
 * error that names it and the file.
 *
 * <pre>
 * schemas: [catalog_service]     # the service's schemas; the first holds Flyway's history table
 * placeholders: {tenant: acme}   # Flyway placeholders, also replaced in down scripts
 * flyway: {mixed: "true"}         # any other Flyway property, without its "flyway." prefix
 * naming:                        # naming rules: settings and suppressions (see NamingConfig)
 *   rules: {index-prefix: {severity: warning}}
 * format: auto                   # the migration format: auto (detected from the files), flyway, ...
 * depends-on: [customer]        # services migrated first in every database of this one (their schemas are theirs)
 * history-table: schema_migrations  # the tool's bookkeeping table (default: the tool's own; Flyway: flyway.table)
 * encoding: UTF-8                # the scripts' encoding (default UTF-8); also Flyway's
 * statement-timeout: 5min        # longest a statement of a script may run (0 = no limit)
 * lock-timeout: 1min             # longest a statement may wait for a lock (0 = no limit)
 * forward-only: true             # the set has no down migrations by design: the down checks are skipped
 * compare: {column-order: warning}  # a column that only moved: error, warning (default) or ignore (see CompareConfig)
 * reversible-since: 41           # the baseline of down.missing: only migrations after 41 need a down script
 * risk: true                     # measure locks, rewrites, scans and rollback data loss (see RiskConfig)
 * severity: {risk.lock: warning} # a check's findings at another severity, or off (see SeverityConfig)
 * </pre>
 *
 * <p>Repository-wide defaults for {@code naming.rules}, {@code compare}, {@code risk} and {@code severity} may stand in
 * {@code service-migrations/harness-defaults.yaml} ({@link #readDefaults(Path)}); the service's own settings override
 * them rule by rule, setting by setting.
 *
 * @param schemas the schemas the service owns, first is the default schema; empty means Flyway's default ({@code public})
 * @param placeholders placeholder values for {@code ${name}} in scripts
 * @param flyway extra Flyway configuration properties
 * @param naming the naming rules' settings and suppressions (the repository's defaults merged in by the reader)
 * @param format the migration format's id, or {@code auto} (the default) to detect it from the files
 * @param dependsOn the services (under service-migrations/) this one needs migrated first, as written
 * @param historyTable the tool's bookkeeping table in the default schema, or null for the format's default
 * @param encoding the encoding of the scripts (UTF-8 unless {@code encoding:} says otherwise)
 * @param timeouts the statement and lock timeouts set in the file (unset parts come from the run, then the defaults)
 * @param file the file this came from, or null for the defaults
 * @param forwardOnly whether the set is declared forward-only ({@code forward-only: true}): its down checks and
 *        {@code chain.down-up} are skipped, and no migration needs a down script
 * @param compare how the schema comparisons weigh a column that only moved (the repository's defaults merged in)
 * @param reversibleSince the baseline of {@code down.missing} ({@code reversible-since: 41}): the migrations up to it
 *        need no down script; null for none
 * @param risk whether and how the measured risk checks run (the repository's defaults merged in)
 * @param severity the severity of each check's findings where the file sets one (the repository's defaults merged in)
 */
public record ServiceConfig(List<String> schemas, Map<String, String> placeholders, Map<String, String> flyway,
                            NamingConfig naming, String format, List<String> dependsOn, String historyTable,
                            Charset encoding, Timeouts timeouts, Path file, boolean forwardOnly,
                            CompareConfig compare, Baseline reversibleSince, RiskConfig risk,
                            SeverityConfig severity) {

    /** The name of the configuration file in a service folder or a migrations folder. */
    public static final String FILE_NAME = "harness.yaml";

    /** The name of the repository-wide defaults file, beside the service folders. */
    public static final String DEFAULTS_FILE_NAME = "harness-defaults.yaml";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public ServiceConfig {
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
        flyway = flyway == null ? Map.of() : Map.copyOf(flyway);
        naming = naming == null ? NamingConfig.defaults() : naming;
        format = format == null ? MigrationFormats.AUTO : format;
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
        timeouts = timeouts == null ? Timeouts.UNSET : timeouts;
        compare = compare == null ? CompareConfig.unset() : compare;
        risk = risk == null ? RiskConfig.unset() : risk;
        severity = severity == null ? SeverityConfig.unset() : severity;
    }

    /** The configuration of a service with no {@code harness.yaml}. */
    public static ServiceConfig defaults() {
        return new ServiceConfig(List.of(), Map.of(), Map.of(), NamingConfig.defaults(), null, null, null, null, null, null,
                false, null, null, null, null);
    }

    /** This configuration with its naming settings laid over the repository's defaults. */
    public ServiceConfig withNamingDefaults(NamingConfig defaults) {
        return new ServiceConfig(schemas, placeholders, flyway, naming.over(defaults), format, dependsOn, historyTable,
                encoding, timeouts, file, forwardOnly, compare, reversibleSince, risk, severity);
    }

    /** This configuration with its settings laid over the repository's defaults ({@code harness-defaults.yaml}). */
    public ServiceConfig withDefaults(Defaults defaults) {
        return new ServiceConfig(schemas, placeholders, flyway, naming.over(defaults.naming()), format, dependsOn,
                historyTable, encoding, timeouts, file, forwardOnly, compare.over(defaults.compare()),
                reversibleSince, risk.over(defaults.risk()), severity.over(defaults.severity()));
    }

    /** This configuration with the run's timeouts (an option, system property or environment variable) laid over its own. */
    public ServiceConfig withTimeouts(Timeouts run) {
        return new ServiceConfig(schemas, placeholders, flyway, naming, format, dependsOn, historyTable, encoding,
                run.over(timeouts), file, forwardOnly, compare, reversibleSince, risk, severity);
    }

    /** This configuration with the measured risk checks turned on ({@code verify --risk}). */
    public ServiceConfig withRisk() {
        return new ServiceConfig(schemas, placeholders, flyway, naming, format, dependsOn, historyTable, encoding,
                timeouts, file, forwardOnly, compare, reversibleSince, risk.turnedOn(), severity);
    }

    /** The schema that holds the history table and is first on the search path, or {@code public}. */
    public String defaultSchema() {
        return schemas.isEmpty() ? "public" : schemas.get(0);
    }

    /** Reads a {@code harness.yaml}. */
    public static ServiceConfig read(Path file) {
        Keys config = bind(file, Keys.class, new Keys(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null), "schemas: [my_service]");
        for (String schema : config.schemas() == null ? List.<String>of() : config.schemas()) {
            if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
                throw new HarnessException(ErrorCode.INPUT, "Schema name '" + schema + "' in " + file
                        + " is not a lower-case PostgreSQL identifier.\nUse letters, digits and underscores, e.g. catalog_service.",
                        file, 0, null);
            }
        }
        Timeouts timeouts = new Timeouts(
                config.statementTimeout() == null ? null : Timeouts.parse(config.statementTimeout(), file + " key "
                        + Timeouts.STATEMENT_KEY),
                config.lockTimeout() == null ? null : Timeouts.parse(config.lockTimeout(), file + " key " + Timeouts.LOCK_KEY));
        return new ServiceConfig(config.schemas(), config.placeholders(), config.flyway(),
                NamingConfig.from(config.naming(), file, true), format(config.format(), file),
                dependsOn(config.dependsOn(), file), historyTable(config.historyTable(), file),
                charset(config.encoding(), file), timeouts, file, Boolean.TRUE.equals(config.forwardOnly()),
                compare(config.compare(), file),
                config.reversibleSince() == null ? null : new Baseline(config.reversibleSince().strip(),
                        "reversible-since", file, keyLine(file, List.of("reversible-since"))),
                RiskConfig.from(config.risk(), file, path -> keyLine(file, path)),
                SeverityConfig.from(config.severity(), file, path -> keyLine(file, path)));
    }

    /** The {@code compare:} section: each value one of {@link CompareConfig.Level}, else an error naming the line. */
    private static CompareConfig compare(CompareKeys keys, Path file) {
        if (keys == null || keys.columnOrder() == null) {
            return CompareConfig.unset();
        }
        return new CompareConfig(CompareConfig.Level.byId(keys.columnOrder()).orElseThrow(() -> {
            int line = keyLine(file, List.of("compare", "column-order"));
            return new HarnessException(ErrorCode.INPUT, "Unknown compare.column-order '" + keys.columnOrder() + "' in "
                    + file + (line > 0 ? " (line " + line + ")" : "") + ".\nExpected one of: "
                    + CompareConfig.Level.ids() + " (what a column that only moved is; default "
                    + CompareConfig.DEFAULT_COLUMN_ORDER.id() + ").", file, line, null);
        }));
    }

    private static List<String> dependsOn(List<String> services, Path file) {
        if (services == null) {
            return null;
        }
        for (String service : services) {
            if (service == null || !service.matches("[A-Za-z0-9_.-]+")) {
                int line = keyLine(file, List.of("depends-on"));
                throw new HarnessException(ErrorCode.INPUT, "depends-on names '" + service + "' in " + file
                        + (line > 0 ? " (line " + line + ")" : "") + ", which is not a service name.\n"
                        + "Name folders under service-migrations/, e.g. depends-on: [customer].", file, line, null);
            }
        }
        return services;
    }

    /** The line of {@code depends-on:} in this configuration's file, 0 when unknown. */
    public int dependsOnLine() {
        return file == null ? 0 : keyLine(file, List.of("depends-on"));
    }

    private static String historyTable(String name, Path file) {
        if (name != null && !IDENTIFIER.matcher(name.strip()).matches()) {
            int line = keyLine(file, List.of("history-table"));
            throw new HarnessException(ErrorCode.INPUT, "history-table '" + name + "' in " + file
                    + (line > 0 ? " (line " + line + ")" : "") + " is not a lower-case PostgreSQL identifier.\n"
                    + "Use letters, digits and underscores, e.g. customer_service_schema_migrations.", file, line, null);
        }
        return name == null ? null : name.strip();
    }

    /** The bookkeeping table {@code history-table:} names, else the format's own default. */
    public String historyTableOr(String formatDefault) {
        return historyTable != null ? historyTable : formatDefault;
    }

    private static String format(String id, Path file) {
        if (id == null) {
            return null;
        }
        String format = id.strip();
        if (!MigrationFormats.known(format)) {
            int line = keyLine(file, List.of("format"));
            throw new HarnessException(ErrorCode.INPUT, "Unknown migration format '" + format + "' in " + file
                    + (line > 0 ? " (line " + line + ")" : "") + ".\nExpected one of: " + MigrationFormats.AUTO + ", "
                    + String.join(", ", MigrationFormats.ids()) + ".", file, line, null);
        }
        return format;
    }

    private static Charset charset(String name, Path file) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            int line = keyLine(file, List.of("encoding"));
            throw new HarnessException(ErrorCode.INPUT, "Unknown encoding '" + name + "' in " + file
                    + (line > 0 ? " (line " + line + ")" : "") + ".\nUse a Java charset name such as UTF-8,"
                    + " ISO-8859-1 or windows-1252.", file, line, e);
        }
    }

    /**
     * Reads the repository-wide defaults ({@code harness-defaults.yaml}): only {@code naming.rules}, {@code compare},
     * {@code risk} and {@code severity} may stand there, since schemas, placeholders and suppressions belong to one service.
     */
    public static Defaults readDefaults(Path file) {
        DefaultKeys keys = bind(file, DefaultKeys.class, new DefaultKeys(null, null, null, null),
                "naming:\n    rules:\n      index-prefix: {severity: warning}");
        return new Defaults(NamingConfig.from(keys.naming(), file, false), compare(keys.compare(), file),
                RiskConfig.from(keys.risk(), file, path -> keyLine(file, path)),
                SeverityConfig.from(keys.severity(), file, path -> keyLine(file, path)));
    }

    /**
     * What the repository-wide defaults file says.
     *
     * @param naming the naming rules' settings
     * @param compare how the schema comparisons weigh a column that only moved
     * @param risk whether and how the measured risk checks run
     * @param severity the severity of findings per check
     */
    public record Defaults(NamingConfig naming, CompareConfig compare, RiskConfig risk, SeverityConfig severity) {

        public Defaults {
            risk = risk == null ? RiskConfig.unset() : risk;
            severity = severity == null ? SeverityConfig.unset() : severity;
        }
    }

    private static <T> T bind(Path file, Class<T> type, T empty, String example) {
        try {
            String text = Files.readString(file);
            return text.isBlank() ? empty : YAML.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            String path = path(e);
            int line = keyLine(file, e.getPath().stream().map(r -> r.getFieldName()).filter(f -> f != null).toList());
            throw new HarnessException(ErrorCode.INPUT, "Unknown key '" + path + "' in " + file
                    + (line > 0 ? " (line " + line + ")" : "") + ".\nKnown keys" + (path.contains(".") ? " there" : "")
                    + ": " + known + ". Remove or rename it.", file, line, e);
        } catch (JsonProcessingException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read " + file + line(e.getLocation()) + ": "
                    + e.getOriginalMessage() + "\nIt must be YAML like:\n  " + example, file,
                    lineNumber(e.getLocation()), e);
        } catch (IOException e) {
            throw new HarnessException(ErrorCode.INPUT, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The dotted path of the unknown key, e.g. {@code naming.rules.index-prefix.patern}. */
    private static String path(UnrecognizedPropertyException e) {
        StringBuilder out = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? e.getPropertyName() : out.toString();
    }

    /** The keys of the file, as Jackson binds them. */
    private record Keys(@JsonProperty("schemas") List<String> schemas,
                        @JsonProperty("placeholders") Map<String, String> placeholders,
                        @JsonProperty("flyway") Map<String, String> flyway,
                        @JsonProperty("naming") NamingConfig.Keys naming,
                        @JsonProperty("format") String format,
                        @JsonProperty("depends-on") List<String> dependsOn,
                        @JsonProperty("history-table") String historyTable,
                        @JsonProperty("encoding") String encoding,
                        @JsonProperty(Timeouts.STATEMENT_KEY) String statementTimeout,
                        @JsonProperty(Timeouts.LOCK_KEY) String lockTimeout,
                        @JsonProperty("forward-only") Boolean forwardOnly,
                        @JsonProperty("compare") CompareKeys compare,
                        @JsonProperty("reversible-since") String reversibleSince,
                        @JsonProperty("risk") com.fasterxml.jackson.databind.JsonNode risk,
                        @JsonProperty("severity") Map<String, String> severity) {
    }

    /** The keys of the defaults file. */
    private record DefaultKeys(@JsonProperty("naming") NamingConfig.Keys naming,
                               @JsonProperty("compare") CompareKeys compare,
                               @JsonProperty("risk") com.fasterxml.jackson.databind.JsonNode risk,
                               @JsonProperty("severity") Map<String, String> severity) {
    }

    /** The keys of the {@code compare:} section. */
    private record CompareKeys(@JsonProperty("column-order") String columnOrder) {
    }

    /**
     * The line of a nested key: each key of {@code path} is looked for from the line of the one before it, so
     * {@code [naming, rules, index-prefix, patern]} finds the {@code patern:} under {@code index-prefix:}. 0 if absent.
     */
    private static int keyLine(Path file, List<String> path) {
        try {
            List<String> lines = Files.readAllLines(file);
            int from = 0;
            int found = 0;
            for (String key : path) {
                Pattern pattern = Pattern.compile("^\\s*(-\\s*)?(.*[{,]\\s*)?[\"']?" + Pattern.quote(key) + "[\"']?\\s*:.*");
                found = 0;
                for (int i = from; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).matches()) {
                        found = i + 1;
                        from = i;
                        break;
                    }
                }
                if (found == 0) {
                    return 0;
                }
            }
            return found;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() <= 0 ? "" : " (line " + location.getLineNr() + ")";
    }

    private static int lineNumber(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}
