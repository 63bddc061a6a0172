package org.migrationharness.source.naming;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.migrationharness.CheckId;
import org.migrationharness.Severity;

/**
 * The naming rules, each with a stable id (used in {@code harness.yaml}), the check that reports it, and its defaults.
 * A pattern is a Java regular expression that must match the whole name; {@code {table}} in it stands for the name of
 * the object's table.
 */
public enum NamingRule {

    /** A migration file's description is snake_case: {@code V3__add_phone.sql}, not {@code V3__AddPhone.sql}. */
    DESCRIPTION_SNAKE_CASE("description-snake-case", CheckId.NAMING_FILE, true, Severity.ERROR,
            "[a-z0-9]+(_[a-z0-9]+)*", false),
    /** A repeatable migration does not share its description with a versioned one ({@code R__x.sql}, {@code V1__x.sql}). */
    DESCRIPTION_CLASH("description-clash", CheckId.NAMING_FILE, true, Severity.WARNING, null, false),
    /** Integer versions follow each other without a gap (off by default). */
    NO_VERSION_GAPS("no-version-gaps", CheckId.NAMING_FILE, false, Severity.ERROR, null, false),
    /** A timestamp version ({@code yyyyMMddHHmmss}, 14 digits or more) is a real time, not in the future (off by default). */
    TIMESTAMP_NOT_IN_FUTURE("timestamp-not-in-future", CheckId.NAMING_FILE, false, Severity.ERROR, null, false),

    /** Every name is lower snake_case, so it never needs quoting. */
    LOWER_SNAKE_CASE("lower-snake-case", CheckId.NAMING_OBJECT, true, Severity.ERROR, "[a-z_][a-z0-9_]*", false),
    /** No identifier in a script is longer than 63 bytes (PostgreSQL truncates it with only a NOTICE). */
    MAX_LENGTH("max-length", CheckId.NAMING_OBJECT, true, Severity.ERROR, null, false),
    /** An index that backs no constraint is named {@code idx_<table>_...}. */
    INDEX_PREFIX("index-prefix", CheckId.NAMING_OBJECT, true, Severity.ERROR, "idx_{table}_.*", true),
    /** A unique constraint is named {@code uq_<table>_...}; a unique index may use this or the index pattern. */
    UNIQUE_PREFIX("unique-prefix", CheckId.NAMING_OBJECT, true, Severity.ERROR, "uq_{table}_.*", true),
    /** A foreign key is named {@code fk_<table>_...}. */
    FOREIGN_KEY_PREFIX("foreign-key-prefix", CheckId.NAMING_OBJECT, true, Severity.ERROR, "fk_{table}_.*", true),
    /** A check constraint (of a table or a domain) is named {@code chk_...}. */
    CHECK_PREFIX("check-prefix", CheckId.NAMING_OBJECT, true, Severity.ERROR, "chk_.*", true),
    /** A primary key is named {@code pk_<table>}. */
    PRIMARY_KEY_NAME("primary-key-name", CheckId.NAMING_OBJECT, true, Severity.ERROR, "pk_{table}", true),
    /** No name is a reserved keyword of the server ({@code pg_get_keywords()}, category R). */
    RESERVED_WORD("reserved-word", CheckId.NAMING_OBJECT, true, Severity.ERROR, null, false),
    /** Every object lives in one of the service's schemas, when it declares them ({@code schemas:}). */
    OWN_SCHEMA("own-schema", CheckId.NAMING_OBJECT, true, Severity.ERROR, null, false);

    private final String id;
    private final CheckId check;
    private final boolean enabled;
    private final Severity severity;
    private final String pattern;
    private final boolean generatedNames;

    NamingRule(String id, CheckId check, boolean enabled, Severity severity, String pattern, boolean generatedNames) {
        this.id = id;
        this.check = check;
        this.enabled = enabled;
        this.severity = severity;
        this.pattern = pattern;
        this.generatedNames = generatedNames;
    }

    /** The id used in {@code harness.yaml} and in messages, e.g. {@code index-prefix}. */
    public String id() {
        return id;
    }

    /** The check that reports this rule's findings. */
    public CheckId check() {
        return check;
    }

    /** Whether the rule is on when nothing configures it. */
    public boolean enabledByDefault() {
        return enabled;
    }

    public Severity defaultSeverity() {
        return severity;
    }

    /** The default pattern, or null for a rule that has none (its pattern cannot be configured). */
    public String defaultPattern() {
        return pattern;
    }

    /** Whether the rule has a pattern. */
    public boolean hasPattern() {
        return pattern != null;
    }

    /** Whether the rule accepts the names PostgreSQL generates ({@code orders_pkey}) unless told otherwise. */
    public boolean judgesGeneratedNames() {
        return generatedNames;
    }

    /** Whether {@code {table}} may stand in the pattern. */
    public boolean hasTablePlaceholder() {
        return this == INDEX_PREFIX || this == UNIQUE_PREFIX || this == FOREIGN_KEY_PREFIX || this == CHECK_PREFIX
                || this == PRIMARY_KEY_NAME;
    }

    public static Optional<NamingRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** Every rule id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(NamingRule::id).toList();
    }
}
