package org.migrationharness.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.migrationharness.CheckId;
import org.migrationharness.Finding;
import org.migrationharness.Severity;
import org.migrationharness.apply.HeldLock;
import org.migrationharness.apply.ScriptMeasurement;
import org.migrationharness.apply.StatementMeasurement;
import org.migrationharness.apply.TableObservation;
import org.migrationharness.internal.DisplayPath;
import org.migrationharness.source.RiskConfig;

/**
 * The findings of the measured checks ({@code risk.lock}, {@code risk.rewrite}, {@code risk.scan},
 * {@code data.rollback-loss}) from what {@link Stage#MEASURED} measured, and the measured evidence a lint finding gets.
 * Each finding names the table, its rows, the lock mode and what it blocks, how long, the projection to production
 * size and the safe alternative. A script allows a finding with {@code -- harness:allow <check> <reason>}: it stays,
 * as information quoting the reason.
 */
final class RiskFindings {

    private RiskFindings() {
    }

    /** The findings of {@code check} (risk.lock, risk.rewrite or risk.scan), in the order of the migrations. */
    static List<Finding> of(CheckId check, Measured measured) {
        List<Finding> findings = new ArrayList<>();
        for (Measured.Step step : measured.steps()) {
            String version = step.migration().version().text();
            findings.addAll(new Script(check, measured.config(), version, step.up()).findings());
            if (step.down() != null) {
                findings.addAll(new Script(check, measured.config(), version, step.down()).findings());
            }
        }
        return findings;
    }

    /** The findings of {@code data.rollback-loss}: one per migration whose down did not give the rows back. */
    static List<Finding> losses(Measured measured) {
        List<Finding> findings = new ArrayList<>();
        for (Measured.Step step : measured.steps()) {
            if (step.losses().isEmpty()) {
                continue;
            }
            String up = step.up().script().label();
            String down = step.down().script().label();
            StringBuilder message = new StringBuilder("After " + up + " and " + down + ", rows present before " + up
                    + " did not come back:");
            for (Measured.Loss loss : step.losses()) {
                String table = qualified(loss.schema(), loss.table());
                message.append("\n  ").append(loss.column() == null ? table : table + "." + loss.column()).append(": ")
                        .append(loss.how()).append(loss.column() == null ? ", " + rows(loss.rows()) + " of "
                                + rows(loss.of()) + " rows" : " in " + rows(loss.rows()) + " of " + rows(loss.of())
                                + " rows");
            }
            message.append("\nA rollback in production would lose this data. Make ").append(down)
                    .append(" move it back before it drops or changes anything (UPDATE ... FROM the new column or table)"
                            + "; when the loss is intended, say so with '-- harness:allow data.rollback-loss <reason>'"
                            + " in ").append(down).append(", or mark the migration irreversible.");
            Map<String, String> allowed = AllowMarkers.in(step.up().script().text());
            allowed.putAll(AllowMarkers.in(step.down().script().text()));
            String reason = allowed.get(CheckId.DATA_ROLLBACK_LOSS.id());
            findings.add(new Finding(CheckId.DATA_ROLLBACK_LOSS, reason == null ? Severity.WARNING : Severity.INFO,
                    step.migration().version().text(), DisplayPath.of(step.down().script().file()), null,
                    reason == null ? message.toString() : message + "\nAllowed: " + reason));
        }
        return findings;
    }

    /**
     * What the measurement says about the statement a lint finding names ({@code lint.<rule>} at a line of a measured
     * up script): "Confirmed by measurement: ...", or what it found instead; null when it has nothing to say.
     */
    static String evidence(Measured measured, Finding lint) {
        Measured.Step step = lint.migration() == null ? null : measured.of(lint.migration());
        if (step == null || lint.line() == null) {
            return null;
        }
        ScriptMeasurement up = step.up();
        StatementMeasurement statement = up.statements().stream().filter(s -> s.line() == lint.line()).findFirst()
                .orElse(null);
        if (statement == null) {
            return null;
        }
        Evidence wanted = switch (lint.check()) {
            case "lint.column-type-change", "lint.volatile-default", "lint.add-serial-column" -> Evidence.REWRITE;
            case "lint.index-not-concurrent", "lint.constraint-not-valid", "lint.set-not-null" -> Evidence.SCAN;
            case "lint.missing-lock-timeout", "lint.ddl-with-data-update" -> Evidence.LOCK;
            default -> null;
        };
        if (wanted == null) {
            return null;
        }
        int i = statement.index();
        List<String> seen = new ArrayList<>();
        boolean confirmed = false;
        for (TableObservation table : up.tables()) {
            if (table.dropped()) {
                continue;
            }
            String name = qualified(table.schema(), table.table()) + " (" + rows(table.rows()) + " rows)";
            HeldLock lock = blockingAt(up, table, i);
            boolean rewritten = table.rewrittenBy() != null && table.rewrittenBy() == i;
            boolean scanned = table.scannedBy().contains(i) && lock != null;
            if (rewritten) {
                seen.add(name + " rewritten in " + duration(statement.durationNanos()));
            } else if (scanned) {
                seen.add(name + " read in full under " + lock.readableMode() + " in " + duration(statement.durationNanos()));
            } else if (lock != null) {
                seen.add(name + " locked " + lock.readableMode() + " (" + blocks(lock) + ") for "
                        + duration(lock.heldNanos()));
            }
            confirmed |= switch (wanted) {
                case REWRITE -> rewritten;
                case SCAN -> scanned || rewritten;
                case LOCK -> lock != null;
            };
        }
        if (confirmed) {
            return "Confirmed by measurement: " + String.join("; ", seen) + ".";
        }
        return "Not confirmed by measurement with rows in the tables: " + (seen.isEmpty()
                ? "no lock that blocks reads or writes, no rewrite, no scan of an existing table."
                : String.join("; ", seen) + ", " + switch (wanted) {
                    case REWRITE -> "no rewrite (a change PostgreSQL makes in the catalog only).";
                    case SCAN -> "no scan.";
                    case LOCK -> "no blocking lock.";
                });
    }

    private enum Evidence { REWRITE, SCAN, LOCK }

    /** The findings of one check over one measured script. */
    private static final class Script {
        private final CheckId check;
        private final RiskConfig config;
        private final String version;
        private final ScriptMeasurement measured;
        private final Map<String, String> allowed;
        private final List<Finding> findings = new ArrayList<>();

        Script(CheckId check, RiskConfig config, String version, ScriptMeasurement measured) {
            this.check = check;
            this.config = config;
            this.version = version;
            this.measured = measured;
            this.allowed = AllowMarkers.in(measured.script().text());
        }

        List<Finding> findings() {
            for (TableObservation table : measured.tables()) {
                if (table.dropped() || table.rows() == 0) {
                    continue;
                }
                if (check.equals(CheckId.RISK_REWRITE)) {
                    rewrite(table);
                } else if (check.equals(CheckId.RISK_SCAN)) {
                    scan(table);
                } else if (check.equals(CheckId.RISK_LOCK)) {
                    lock(table);
                }
            }
            return findings;
        }

        private void rewrite(TableObservation table) {
            if (!table.rewritten() || table.rewrittenBy() == null) {
                return;
            }
            StatementMeasurement statement = measured.statements().get(table.rewrittenBy());
            if (words(statement.sql()).startsWith("TRUNCATE")) {
                return; // emptied, not rewritten: no rows are copied
            }
            HeldLock lock = blockingAt(measured, table, statement.index());
            report(Severity.ERROR, statement, label() + " rewrote " + name(table) + " (" + rows(table.rows())
                    + " rows) in " + duration(statement.durationNanos())
                    + (lock == null ? "" : " under " + lock.readableMode() + " (" + blocks(lock) + ")")
                    + ": " + shown(statement) + "\n" + projection(statement.durationNanos(), table.rows())
                    + "\nFix: " + advice(statement.sql()));
        }

        private void scan(TableObservation table) {
            for (int i : table.scannedBy()) {
                HeldLock lock = blockingAt(measured, table, i);
                if (lock == null || (table.rewrittenBy() != null && table.rewrittenBy() == i)) {
                    continue;
                }
                StatementMeasurement statement = measured.statements().get(i);
                report(Severity.ERROR, statement, label() + " read all " + rows(table.rows()) + " rows of "
                        + name(table) + " under " + lock.readableMode() + " (" + blocks(lock) + ") in "
                        + duration(statement.durationNanos()) + ": " + shown(statement) + "\n"
                        + projection(statement.durationNanos(), table.rows()) + "\nFix: " + advice(statement.sql()));
                return; // once per table: the first statement that did it
            }
        }

        private void lock(TableObservation table) {
            HeldLock worst = null;
            double worstProjected = -1;
            for (HeldLock lock : table.locks()) {
                if (!lock.blocksWrites()) {
                    continue;
                }
                double projected = lock.heldNanos() * scale(lock);
                if (projected > worstProjected || projected == worstProjected && stronger(lock, worst)) {
                    worst = lock;
                    worstProjected = projected;
                }
            }
            if (worst == null) {
                return;
            }
            StatementMeasurement statement = measured.statements().get(worst.takenBy());
            boolean timeout = statement.lockTimeoutMillis() > 0;
            boolean grows = scale(worst) > 1;
            Duration max = config.maxLockOrDefault();
            boolean tooLong = grows && worstProjected > max.toNanos();
            boolean longAnyway = !grows && worst.heldNanos() > max.toNanos();
            if (!tooLong && !longAnyway && timeout) {
                return;
            }
            String held = label() + " took " + worst.readableMode() + " on " + name(table) + " (" + blocks(worst)
                    + ") and held it " + duration(worst.heldNanos()) + " with " + rows(table.rows()) + " rows: "
                    + shown(statement) + "\n";
            String noTimeout = " But no lock_timeout was set: behind a long-running transaction on " + table.table()
                    + " this statement waits for its lock, and every query on the table waits behind it.";
            if (tooLong) {
                report(Severity.ERROR, statement, held + "The hold grows with the table (it read or rewrote rows under"
                        + " the lock): at " + rows(config.productionRowsOrDefault()) + " rows about "
                        + duration((long) worstProjected) + " (linear), longer than max-lock " + duration(max.toNanos())
                        + "." + (timeout ? "" : " No lock_timeout was set.") + "\nFix: " + advice(statement.sql()));
            } else if (longAnyway) {
                report(Severity.WARNING, statement, held + "It does not grow with the table, but it is longer than"
                        + " max-lock " + duration(max.toNanos()) + ": the statements after it in the transaction keep"
                        + " the lock." + (timeout ? "" : noTimeout) + "\nFix: take the lock last, just before the"
                        + " commit, or move the slow statements into a migration of their own.");
            } else {
                report(Severity.WARNING, statement, held + (grows ? "At " + rows(config.productionRowsOrDefault())
                        + " rows about " + duration((long) worstProjected) + " (linear), within max-lock." : "Metadata"
                        + " only: the hold does not grow with the table.") + noTimeout + "\nFix: SET lock_timeout ="
                        + " '5s' at the top of the script (retry the deploy when it times out).");
            }
        }

        /** How much longer the hold of {@code lock} gets at production size: 1 when no row was read under it. */
        private double scale(HeldLock lock) {
            int last = measured.transactional() ? measured.statements().size() - 1 : lock.takenBy();
            long most = 0;
            for (TableObservation table : measured.tables()) {
                boolean touched = table.rewrittenBy() != null && table.rewrittenBy() >= lock.takenBy()
                        && table.rewrittenBy() <= last
                        || table.scannedBy().stream().anyMatch(i -> i >= lock.takenBy() && i <= last);
                if (touched && table.rows() > 0) {
                    most = Math.max(most, table.rows());
                }
            }
            return most == 0 ? 1 : Math.max(1, (double) config.productionRowsOrDefault() / most);
        }

        private String projection(long nanos, long rows) {
            double projected = nanos * Math.max(1, (double) config.productionRowsOrDefault() / rows);
            return "At " + rows(config.productionRowsOrDefault()) + " rows (risk.production-rows) about "
                    + duration((long) projected) + " (linear), while reads or writes wait.";
        }

        private void report(Severity severity, StatementMeasurement statement, String message) {
            String reason = allowed.get(check.id());
            findings.add(new Finding(check, reason == null ? severity : Severity.INFO, version,
                    DisplayPath.of(measured.script().file()), statement.line(),
                    reason == null ? message : message + "\nAllowed: " + reason));
        }

        private String label() {
            return measured.script().label();
        }
    }

    /** The blocking lock held on {@code table} while statement {@code i} ran, the one held longest; or null. */
    private static HeldLock blockingAt(ScriptMeasurement measured, TableObservation table, int i) {
        HeldLock found = null;
        for (HeldLock lock : table.locks()) {
            boolean held = lock.takenBy() == i || measured.transactional() && lock.takenBy() < i;
            if (held && lock.blocksWrites() && (found == null || stronger(lock, found))) {
                found = lock;
            }
        }
        return found;
    }

    /** Whether {@code lock} says more than {@code other}: a stronger mode, else a longer hold. */
    private static boolean stronger(HeldLock lock, HeldLock other) {
        int mode = Integer.compare(lock.lockMode().ordinal(), other.lockMode().ordinal());
        return mode != 0 ? mode > 0 : lock.heldNanos() > other.heldNanos();
    }

    /** The safe way to make the change a statement makes. */
    static String advice(String sql) {
        String s = words(sql);
        if (s.matches("CREATE (UNIQUE )?INDEX.*") && !s.contains("CONCURRENTLY")) {
            return "CREATE INDEX CONCURRENTLY, in a script of its own that runs outside a transaction (it lets writes"
                    + " go on while it builds).";
        }
        if (s.contains("SET NOT NULL")) {
            return "ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT in a later migration"
                    + " (it lets writes go on); then SET NOT NULL, which PostgreSQL 12 and later prove from the valid"
                    + " check without a scan, and drop the check.";
        }
        if (s.contains("FOREIGN KEY") || s.contains("REFERENCES") || s.contains("ADD CONSTRAINT") && s.contains("CHECK")) {
            return "ADD CONSTRAINT ... NOT VALID (no scan), then VALIDATE CONSTRAINT in a later migration: it reads"
                    + " the table under a lock that lets reads and writes go on.";
        }
        if (s.contains("ADD CONSTRAINT") && (s.contains("UNIQUE") || s.contains("PRIMARY KEY"))) {
            return "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX (no scan).";
        }
        if (s.contains("SERIAL") || s.contains("IDENTITY")) {
            return "add a nullable bigint column, backfill it in batches from a sequence, then set its default.";
        }
        if (s.contains(" TYPE ")) {
            return "add a new column of the new type, backfill it in batches, switch the application to it, and drop"
                    + " the old column in a later release (or change to a binary-compatible type: varchar(n) to a"
                    + " larger n or to text needs no rewrite).";
        }
        if (s.contains("ADD COLUMN") || s.startsWith("ALTER TABLE") && s.contains(" ADD ")) {
            return "add the column without a default or with a constant one (no rewrite since PostgreSQL 11), then"
                    + " backfill it in batches.";
        }
        if (s.startsWith("UPDATE") || s.startsWith("DELETE") || s.startsWith("INSERT")) {
            return "move the data change into a migration of its own, outside the schema change's transaction, and run"
                    + " it in batches.";
        }
        if (s.startsWith("VACUUM FULL") || s.startsWith("CLUSTER")) {
            return "rebuild the table online (pg_repack) or in a maintenance window.";
        }
        return "split the change so that no statement holds this lock on a large table; SET lock_timeout = '5s' at the"
                + " top of the script.";
    }

    private static String shown(StatementMeasurement statement) {
        String one = statement.sql().strip().replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }

    private static String words(String sql) {
        return sql.strip().replaceAll("--[^\\n]*", " ").replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    private static String name(TableObservation table) {
        return qualified(table.schema(), table.table());
    }

    /** A table as findings name it: without the schema {@code public}. */
    static String qualified(String schema, String table) {
        return schema == null || schema.equals("public") ? table : schema + "." + table;
    }

    /** What a lock makes wait: reads and writes, writes, or neither. */
    static String blocks(HeldLock lock) {
        return lock.blocksReads() ? "blocks reads and writes" : lock.blocksWrites() ? "blocks writes"
                : "blocks neither reads nor writes";
    }

    static String rows(long rows) {
        return String.format(Locale.ROOT, "%,d", rows);
    }

    static String duration(long nanos) {
        double ms = nanos / 1e6;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%d ms", Math.round(ms));
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        return String.format(Locale.ROOT, "%.1f min", ms / 60_000);
    }
}
