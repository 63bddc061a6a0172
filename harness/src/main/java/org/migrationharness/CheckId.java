package org.migrationharness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A check's stable id, with what it means and its help text. The ids of CONTRACT.md are the constants here
 * ({@link #known()}); a check from outside the harness declares its own with {@link #of(String, String, String)}, and
 * any other id a finding names ({@code lint.<rule>}) is {@link #of(String)}. Two ids are equal when their texts are.
 *
 * @param id the id as reports show it, e.g. {@code down.apply}
 * @param meaning what fails the check, in one line (SARIF's rule text, {@code verify --explain}'s first line)
 * @param help what the check proves, when it fails, an example and the fix; null for a built-in check, whose text is
 *             the resource {@code checks/<id>.txt} beside this class
 */
public record CheckId(String id, String meaning, String help) {

    public static final CheckId UP_APPLY = builtIn("up.apply", "an up migration failed to apply");
    public static final CheckId DOWN_MISSING = builtIn("down.missing",
            "a migration has no down script and is not marked irreversible");
    public static final CheckId DOWN_APPLY = builtIn("down.apply", "a down script failed");
    public static final CheckId DOWN_LEAVES_TRACE = builtIn("down.leaves-trace",
            "after down(k) the schema differs from the schema before up(k)");
    public static final CheckId UP_REAPPLY_DIFFERS = builtIn("up.reapply-differs",
            "up(k) applied again after down(k) gives a different schema");
    public static final CheckId CHAIN_DOWN_UP = builtIn("chain.down-up",
            "walking all the way down and up again fails or ends in a different schema");
    public static final CheckId IDEMPOTENCY_REMIGRATE = builtIn("idempotency.remigrate",
            "migrating an up-to-date database again applies or changes something");
    public static final CheckId SCHEMA_EXPECTED = builtIn("schema.expected",
            "the migrated schema differs from the expectation, or none is committed");
    public static final CheckId SEED_LOAD = builtIn("seed.load", "a seed file failed to load");
    public static final CheckId IDEMPOTENCY_SEED = builtIn("idempotency.seed",
            "loading the seeds a second time changed data or failed");
    public static final CheckId NAMING_FILE = builtIn("naming.file",
            "a file in the migrations folder does not follow the format's naming rule");
    public static final CheckId ORDER_DUPLICATE_VERSION = builtIn("order.duplicate-version", "two migrations share a version");
    public static final CheckId NAMING_OBJECT = builtIn("naming.object",
            "a database object's name breaks the naming convention");
    public static final CheckId HISTORY_MODIFIED = builtIn("history.modified",
            "a migration that exists on the base was edited, renamed or deleted");
    public static final CheckId HISTORY_OUT_OF_ORDER = builtIn("history.out-of-order",
            "a new migration sorts before the newest migration on the base");
    public static final CheckId RISK_LOCK = builtIn("risk.lock",
            "a migration holds a lock on a pre-existing table that blocks reads or writes for a measurable time");
    public static final CheckId RISK_REWRITE = builtIn("risk.rewrite", "a migration rewrites a pre-existing table");
    public static final CheckId RISK_SCAN = builtIn("risk.scan",
            "a migration scans a pre-existing table under a blocking lock");
    public static final CheckId DATA_ROLLBACK_LOSS = builtIn("data.rollback-loss",
            "rows or values present before up(k) are gone after down(k)");

    /** The static lint of each new migration's up script; its findings carry the rule's id ({@link #lintRules()}). */
    public static final CheckId LINT = builtIn("lint",
            "a new migration's up script takes a risky lock or rewrites a table that existed before it");
    public static final CheckId LINT_INDEX_NOT_CONCURRENT = builtIn("lint.index-not-concurrent",
            "CREATE INDEX without CONCURRENTLY on a table that existed before the migration");
    public static final CheckId LINT_CONSTRAINT_NOT_VALID = builtIn("lint.constraint-not-valid",
            "a foreign key or check constraint added to an existing table without NOT VALID");
    public static final CheckId LINT_SET_NOT_NULL = builtIn("lint.set-not-null",
            "SET NOT NULL on a column of a table that existed before the migration");
    public static final CheckId LINT_COLUMN_TYPE_CHANGE = builtIn("lint.column-type-change",
            "a column of an existing table changes its type");
    public static final CheckId LINT_VOLATILE_DEFAULT = builtIn("lint.volatile-default",
            "a column added to an existing table with a volatile default");
    public static final CheckId LINT_DROP_COLUMN_OR_TABLE = builtIn("lint.drop-column-or-table",
            "a column or table that existed before the migration is dropped");
    public static final CheckId LINT_RENAME = builtIn("lint.rename",
            "a table or column that existed before the migration is renamed");
    public static final CheckId LINT_MISSING_LOCK_TIMEOUT = builtIn("lint.missing-lock-timeout",
            "a statement locks an existing table with no lock_timeout set before it");
    public static final CheckId LINT_ADD_SERIAL_COLUMN = builtIn("lint.add-serial-column",
            "a serial or identity column added to an existing table");
    public static final CheckId LINT_DDL_WITH_DATA_UPDATE = builtIn("lint.ddl-with-data-update",
            "an existing table's rows are updated or deleted in the same transaction as schema changes");

    /** The rules of {@link #LINT}, each an id of its own in reports, SARIF's rules and {@code verify --explain}. */
    private static final List<CheckId> LINT_RULES = List.of(LINT_INDEX_NOT_CONCURRENT, LINT_CONSTRAINT_NOT_VALID,
            LINT_SET_NOT_NULL, LINT_COLUMN_TYPE_CHANGE, LINT_VOLATILE_DEFAULT, LINT_DROP_COLUMN_OR_TABLE, LINT_RENAME,
            LINT_MISSING_LOCK_TIMEOUT, LINT_ADD_SERIAL_COLUMN, LINT_DDL_WITH_DATA_UPDATE);

    /** The ids of CONTRACT.md, in the order they have always been listed (SARIF's rules keep it). */
    private static final List<CheckId> KNOWN = List.of(UP_APPLY, DOWN_MISSING, DOWN_APPLY, DOWN_LEAVES_TRACE,
            UP_REAPPLY_DIFFERS, CHAIN_DOWN_UP, IDEMPOTENCY_REMIGRATE, SCHEMA_EXPECTED, SEED_LOAD, IDEMPOTENCY_SEED,
            NAMING_FILE, ORDER_DUPLICATE_VERSION, NAMING_OBJECT, HISTORY_MODIFIED, HISTORY_OUT_OF_ORDER, RISK_LOCK,
            RISK_REWRITE, RISK_SCAN, DATA_ROLLBACK_LOSS);

    /** The ids declared with their meaning: the known ones, and those of checks from outside the harness. */
    private static final Map<String, CheckId> DECLARED = new ConcurrentHashMap<>();

    static {
        KNOWN.forEach(check -> DECLARED.put(check.id, check));
        DECLARED.put(LINT.id, LINT);
        LINT_RULES.forEach(check -> DECLARED.put(check.id, check));
    }

    public CheckId {
        if (id == null || id.isBlank() || !id.strip().equals(id) || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A check id is a word without spaces, e.g. lint.add-column, not '" + id + "'");
        }
        if (meaning == null || meaning.isBlank()) {
            throw new IllegalArgumentException("Check " + id + " needs its meaning: what fails it, in one line");
        }
    }

    private static CheckId builtIn(String id, String meaning) {
        return new CheckId(id, meaning, null);
    }

    /** The rules of the {@code lint} check, in the order it reports them. */
    public static List<CheckId> lintRules() {
        return LINT_RULES;
    }

    /** The harness's own ids with an explanation: {@link #known()}, {@link #LINT} and {@link #lintRules()}. */
    public static List<CheckId> explained() {
        List<CheckId> all = new java.util.ArrayList<>(KNOWN);
        all.add(LINT);
        all.addAll(LINT_RULES);
        return List.copyOf(all);
    }

    /** The ids of CONTRACT.md, the harness's own checks. */
    public static List<CheckId> known() {
        return KNOWN;
    }

    /**
     * Declares a check's id with its meaning and help text ({@code verify --explain}, SARIF's rule help): what a check
     * from outside the harness calls once, e.g. in a {@code static final} field. Declaring the same id again with the
     * same texts gives an equal id; an id of the harness's own, or one declared with other texts, is refused.
     *
     * @param help what the check proves, when it fails, an example and the fix; null gives the meaning as the help
     */
    public static CheckId of(String id, String meaning, String help) {
        CheckId check = new CheckId(id, meaning, help == null ? meaning + "\n" : help);
        CheckId declared = DECLARED.putIfAbsent(id, check);
        if (declared != null && !(declared.meaning.equals(check.meaning) && java.util.Objects.equals(declared.help, check.help))) {
            throw new IllegalArgumentException("Check id " + id + " is already declared"
                    + (KNOWN.contains(declared) || declared.help == null ? " by the harness" : " with other texts") + ": " + declared.meaning);
        }
        return declared == null ? check : declared;
    }

    /**
     * The id {@code id}: a declared one with its texts, or else an id a finding may name without a check of its own
     * ({@code lint.<rule>}), with a general meaning.
     */
    public static CheckId of(String id) {
        CheckId declared = DECLARED.get(id);
        if (declared != null) {
            return declared;
        }
        return new CheckId(id, id.startsWith("lint.") ? "an unsafe operation found in the SQL text"
                : "a check of migration-harness", null);
    }

    /** A declared id ({@link #known()} or {@link #of(String, String, String)}). */
    public static CheckId byId(String id) {
        CheckId declared = DECLARED.get(id);
        if (declared == null) {
            throw new IllegalArgumentException("no check with id " + id);
        }
        return declared;
    }

    /** Whether this id was declared with its texts (the harness's own, or a check's from outside). */
    public boolean declared() {
        return DECLARED.get(id) != null;
    }

    /**
     * What the check proves, when it fails, a failing example and the fix ({@code verify --explain}): the declared help,
     * or for a check of the harness the text of {@code checks/<id>.txt} beside this class.
     */
    public String explanation() {
        if (help != null) {
            return help;
        }
        try (InputStream in = CheckId.class.getResourceAsStream("checks/" + id + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("No explanation of check " + id + " in the harness's jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the check compares the set with a base (another state of its folder), which a run may not have. */
    public boolean needsBase() {
        return equals(HISTORY_MODIFIED) || equals(HISTORY_OUT_OF_ORDER);
    }

    /**
     * Whether the check measures migrations on rows ({@code verify --risk}, {@code risk: true}): off unless turned on,
     * so that measuring stays off the time of an everyday run.
     */
    public boolean measured() {
        return equals(RISK_LOCK) || equals(RISK_REWRITE) || equals(RISK_SCAN) || equals(DATA_ROLLBACK_LOSS);
    }

    /** Whether the check judges each migration on its own (its findings name a migration). */
    public boolean perMigration() {
        return equals(DOWN_MISSING) || equals(DOWN_APPLY) || equals(DOWN_LEAVES_TRACE) || equals(UP_REAPPLY_DIFFERS);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckId check && check.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
