package org.migrationharness.report;

/** The stable check ids of CONTRACT.md. A finding's {@code check} is one of these (or {@code lint.<rule>}). */
public enum CheckId {
    UP_APPLY("up.apply", "an up migration failed to apply"),
    DOWN_MISSING("down.missing", "a migration has no down script and is not marked irreversible"),
    DOWN_APPLY("down.apply", "a down script failed"),
    DOWN_LEAVES_TRACE("down.leaves-trace", "after down(k) the schema differs from the schema before up(k)"),
    UP_REAPPLY_DIFFERS("up.reapply-differs", "up(k) applied again after down(k) gives a different schema"),
    CHAIN_DOWN_UP("chain.down-up", "walking all the way down and up again fails or ends in a different schema"),
    IDEMPOTENCY_REMIGRATE("idempotency.remigrate", "migrating an up-to-date database again applies or changes something"),
    SCHEMA_EXPECTED("schema.expected", "the migrated schema differs from the expectation, or none is committed"),
    SEED_LOAD("seed.load", "a seed file failed to load"),
    IDEMPOTENCY_SEED("idempotency.seed", "loading the seeds a second time changed data or failed"),
    NAMING_FILE("naming.file", "a file in the migrations folder does not follow the format's naming rule"),
    ORDER_DUPLICATE_VERSION("order.duplicate-version", "two migrations share a version"),
    NAMING_OBJECT("naming.object", "a database object's name breaks the naming convention"),
    HISTORY_MODIFIED("history.modified", "a migration that exists on the base was edited, renamed or deleted"),
    HISTORY_OUT_OF_ORDER("history.out-of-order", "a new migration sorts before the newest migration on the base");

    private final String id;
    private final String meaning;

    CheckId(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    public String id() {
        return id;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * What the check proves, when it fails, a failing example and the fix ({@code verify --explain}): the text of
     * {@code checks/<id>.txt} beside this class.
     */
    public String explanation() {
        try (java.io.InputStream in = CheckId.class.getResourceAsStream("checks/" + id + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("No explanation of check " + id + " in the harness's jar.");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether the check compares the set with a base (another state of its folder), which a run may not have. */
    public boolean needsBase() {
        return this == HISTORY_MODIFIED || this == HISTORY_OUT_OF_ORDER;
    }

    /** Whether the check judges each migration on its own (its findings name a migration). */
    public boolean perMigration() {
        return this == DOWN_MISSING || this == DOWN_APPLY || this == DOWN_LEAVES_TRACE || this == UP_REAPPLY_DIFFERS;
    }

    public static CheckId byId(String id) {
        for (CheckId check : values()) {
            if (check.id.equals(id)) {
                return check;
            }
        }
        throw new IllegalArgumentException("no check with id " + id);
    }
}
